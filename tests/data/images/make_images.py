#!/usr/bin/env python3
"""Writes the small image files tests/core/image/tst_image_file reads: the good ones here, the bad
ones in ../bad/images. PNGs are written byte by byte with the standard library (zlib, struct), so
each file has exactly the colour type, bit depth and chunks it is named for; the JPEGs come from
ImageMagick's convert (from a PPM this script writes), as no standard module writes JPEG.
Usage: /usr/bin/python3 make_images.py   (writes beside this script and in ../bad/images)"""
import os, random, struct, subprocess, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "..", "bad", "images")


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width, height, colour_type, depth, rows, extra=b"", interlace=0):
    """rows: the raw scanlines (without filter bytes), each a bytes object."""
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, interlace)
    raw = b"".join(b"\0" + row for row in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", zlib.compress(raw, 9)) +
            chunk(b"IEND", b""))


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def ppm(width, height, pixel):
    """A binary PPM whose pixel (x, y) is pixel(x, y) -> (r, g, b)."""
    body = bytes(c for y in range(height) for x in range(width) for c in pixel(x, y))
    return b"P6 %d %d 255\n" % (width, height) + body


def jpeg(name, source, *options):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.ppm")
        with open(src, "wb") as f:
            f.write(source)
        subprocess.run(["convert", src, "-strip", *options, os.path.join(HERE, name)], check=True)


# RGB, 3 x 2: red green blue / black grey white.
write(HERE, "rgb.png", png(3, 2, 2, 8, [bytes([255, 0, 0, 0, 255, 0, 0, 0, 255]),
                                        bytes([0, 0, 0, 128, 128, 128, 255, 255, 255])]))
# RGB, 16 bits a sample, 2 x 1: 0x1234 0x8000 0xffff / 0x0000 0x00ff 0x0100.
write(HERE, "rgb16.png", png(2, 1, 2, 16, [struct.pack(">6H", 0x1234, 0x8000, 0xFFFF, 0x0000, 0x00FF, 0x0100)]))
# Grey + alpha, 2 x 2: (0, opaque) (0, transparent) / (100, 128) (200, 64).
write(HERE, "grey_alpha.png", png(2, 2, 4, 8, [bytes([0, 255, 0, 0]), bytes([100, 128, 200, 64])]))
# Grey, 1 bit a pixel, 8 x 1: 1 0 1 1 0 0 1 0.
write(HERE, "grey1.png", png(8, 1, 0, 1, [bytes([0b10110010])]))
# Palette, 2 bits a pixel, 4 x 1, with tRNS: entry 2 fully transparent, entry 3 half.
palette = chunk(b"PLTE", bytes([10, 20, 30, 200, 100, 50, 0, 0, 0, 255, 0, 255]))
trns = chunk(b"tRNS", bytes([255, 255, 0, 128]))
write(HERE, "palette.png", png(4, 1, 3, 2, [bytes([0b00011011])], extra=palette + trns))
# RGB with a tRNS colour key, 2 x 1: the key (1, 2, 3) is transparent, (4, 5, 6) is not.
key = chunk(b"tRNS", struct.pack(">3H", 1, 2, 3))
write(HERE, "rgb_key.png", png(2, 1, 2, 8, [bytes([1, 2, 3, 4, 5, 6])], extra=key))

# Adam7-interlaced RGB, 9 x 9: pixel (x, y) = (28x, 28y, 100). Each pass is its own small image.
def adam7(width, height, pixel):
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    raw = b""
    for x0, y0, dx, dy in passes:
        xs, ys = range(x0, width, dx), range(y0, height, dy)
        if len(xs) and len(ys):
            raw += b"".join(b"\0" + bytes(c for x in xs for c in pixel(x, y)) for y in ys)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 1)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) +
            chunk(b"IEND", b""))


write(HERE, "interlaced.png", adam7(9, 9, lambda x, y: (28 * x, 28 * y, 100)))

# JPEG, 16 x 16, four flat 8 x 8 blocks (red, green / blue, white), no chroma subsampling, so
# every block decodes to within a step or two of its colour.
blocks = [[(220, 30, 30), (30, 160, 50)], [(30, 70, 220), (250, 250, 250)]]
jpeg("blocks.jpg", ppm(16, 16, lambda x, y: blocks[y // 8][x // 8]), "-quality", "95", "-sampling-factor", "1x1")
# Grey JPEG, 8 x 8, flat 77.
jpeg("grey.jpg", ppm(8, 8, lambda x, y: (77, 77, 77)), "-quality", "95", "-colorspace", "Gray")
# CMYK JPEG (as Photoshop writes: Adobe marker, inverted inks), 8 x 8, flat orange.
jpeg("cmyk.jpg", ppm(8, 8, lambda x, y: (245, 130, 20)), "-quality", "95", "-colorspace", "CMYK")

# Bad files.
os.makedirs(BAD, exist_ok=True)
write(BAD, "text.png", b"This is a text file that someone named .png\n")
write(BAD, "empty.png", b"")
rng = random.Random(14)
noise = png(32, 32, 2, 8, [bytes(rng.randrange(256) for _ in range(96)) for _ in range(32)])
write(BAD, "truncated.png", noise[: len(noise) // 2])  # ends inside IDAT
write(BAD, "signature_only.png", noise[:8])
with tempfile.TemporaryDirectory() as tmp:  # a noisy JPEG, so most of its bytes are the scan
    pixels = [bytes(rng.randrange(256) for _ in range(3)) for _ in range(32 * 32)]
    with open(os.path.join(tmp, "noise.ppm"), "wb") as f:
        f.write(ppm(32, 32, lambda x, y: pixels[y * 32 + x]))
    subprocess.run(["convert", os.path.join(tmp, "noise.ppm"), "-strip", "-quality", "90",
                    os.path.join(tmp, "noise.jpg")], check=True)
    noisy_jpeg = open(os.path.join(tmp, "noise.jpg"), "rb").read()
write(BAD, "truncated.jpg", noisy_jpeg[: len(noisy_jpeg) * 3 // 4])  # ends inside the scan
write(BAD, "truncated_header.jpg", noisy_jpeg[:40])  # ends inside the first quantisation table
corrupt = bytearray(noise)
corrupt[29] ^= 0xFF  # inside IHDR's CRC
write(BAD, "bad_crc.png", bytes(corrupt))
write(BAD, "zero_width.png", png(0, 4, 0, 8, []))
write(BAD, "too_wide.png", png(9000, 1, 0, 1, [bytes(9000 // 8)]))
write(BAD, "gif_named.png", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
                            b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
