#!/usr/bin/python3
"""Writes the small WAV files tests/core/audio/tst_audio_file reads: two good recordings here and
the bad ones in ../bad/audio. Run from anywhere; the files are committed, so this only documents
(and can remake) exactly what they hold. Standard library only."""
import math
import os
import struct
import wave

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "..", "bad", "audio")


def tone(rate, seconds, hz, amplitude=0.5, channels=1):
    frames = round(rate * seconds)
    data = bytearray()
    for n in range(frames):
        value = round(32767 * amplitude * math.sin(2 * math.pi * hz * n / rate))
        data += struct.pack("<h", value) * channels
    return bytes(data)


def write_wav(path, rate, data, channels=1):
    with wave.open(path, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(data)


def main():
    os.makedirs(BAD, exist_ok=True)
    # Good: a 16 kHz recording (read as is) and a 44.1 kHz one (resampled to 16 kHz).
    write_wav(os.path.join(HERE, "tone-440hz-16k.wav"), 16000, tone(16000, 0.5, 440))
    write_wav(os.path.join(HERE, "tone-1000hz-44k.wav"), 44100, tone(44100, 0.2, 1000))
    # Bad: two channels; a rate below 8 kHz; a text file named .wav; a header cut short;
    # a valid header with no samples; no bytes at all.
    write_wav(os.path.join(BAD, "stereo.wav"), 16000, tone(16000, 0.05, 440, channels=2), channels=2)
    write_wav(os.path.join(BAD, "rate-4000hz.wav"), 4000, tone(4000, 0.1, 440))
    with open(os.path.join(BAD, "not-audio.wav"), "w") as out:
        out.write("This is a text file with a .wav name, not a recording.\n")
    write_wav(os.path.join(BAD, "truncated-header.wav"), 16000, tone(16000, 0.01, 440))
    with open(os.path.join(BAD, "truncated-header.wav"), "rb") as f:
        whole = f.read()
    with open(os.path.join(BAD, "truncated-header.wav"), "wb") as out:
        out.write(whole[:30])  # RIFF, WAVE and half of the fmt chunk
    write_wav(os.path.join(BAD, "empty.wav"), 16000, b"")
    open(os.path.join(BAD, "zero-bytes.wav"), "wb").close()


if __name__ == "__main__":
    main()
