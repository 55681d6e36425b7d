#!/usr/bin/python3
"""Log-mel filterbank features computed independently of AttnLab, with NumPy only, from the
convention written in core/data/audio/LogMelFilterbank.h. tst_log_mel_filterbank runs it:

    log_mel_reference.py SAMPLES.f32 OUT.f64 RATE BANDS WINDOW_MS HOP_MS LOW_HZ HIGH_HZ

SAMPLES.f32: the signal, raw little-endian float32. OUT.f64: the features, raw float64, frame
after frame (bands values per frame), i.e. a (bands x frames) column-major matrix."""
import math
import sys

import numpy as np


def hz_to_mel(hz):
    return 2595.0 * np.log10(1.0 + np.asarray(hz, dtype=np.float64) / 700.0)


def mel_filters(rate, bands, fft_size, low_hz, high_hz):
    """(bands x fft_size/2+1) triangular weights, drawn over the mel scale."""
    points = np.linspace(hz_to_mel(low_hz), hz_to_mel(high_hz), bands + 2)
    bin_mels = hz_to_mel(np.arange(fft_size // 2 + 1) * rate / fft_size)
    filters = np.zeros((bands, fft_size // 2 + 1))
    for b in range(bands):
        left, peak, right = points[b], points[b + 1], points[b + 2]
        rising = (bin_mels > left) & (bin_mels <= peak)
        falling = (bin_mels > peak) & (bin_mels < right)
        filters[b, rising] = (bin_mels[rising] - left) / (peak - left)
        filters[b, falling] = (right - bin_mels[falling]) / (right - peak)
    return filters


def log_mel(samples, rate, bands, window_ms, hop_ms, low_hz, high_hz):
    window = int(math.floor(window_ms * rate / 1000.0 + 0.5))
    hop = int(math.floor(hop_ms * rate / 1000.0 + 0.5))
    fft_size = 1 << (window - 1).bit_length()
    if high_hz == 0:
        high_hz = rate / 2.0
    n = len(samples)
    frames = 0 if n == 0 else 1 if n <= window else 1 + -(-(n - window) // hop)
    padded = np.zeros((frames - 1) * hop + window if frames else 0)
    padded[:n] = samples
    hann = 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(window) / window)  # periodic
    starts = np.arange(frames) * hop
    framed = np.stack([padded[s:s + window] for s in starts]) * hann  # (frames x window)
    power = np.abs(np.fft.rfft(framed, n=fft_size, axis=1)) ** 2  # (frames x fft_size/2+1)
    energies = power @ mel_filters(rate, bands, fft_size, low_hz, high_hz).T  # (frames x bands)
    return np.log(np.maximum(energies, 1e-10))


def main(argv):
    if len(argv) != 9:
        sys.exit(__doc__)
    samples = np.fromfile(argv[1], dtype="<f4").astype(np.float64)
    rate, bands = int(argv[3]), int(argv[4])
    window_ms, hop_ms, low_hz, high_hz = (float(x) for x in argv[5:9])
    features = log_mel(samples, rate, bands, window_ms, hop_ms, low_hz, high_hz)
    features.astype("<f8").tofile(argv[2])


if __name__ == "__main__":
    main(sys.argv)
