using System.Buffers.Binary;
using System.IO.Compression;

namespace OracleBot.Tests.Infra;

/// <summary>
/// A PNG decoded far enough to check an icon: IHDR fields and, for 8-bit RGB/RGBA, every pixel.
/// Written here rather than taken from an imaging library so the test reads the file's bytes itself.
/// </summary>
internal sealed record PngImage(int Width, int Height, int BitDepth, int ColorType, byte[] Rgba)
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public bool HasAlphaChannel => ColorType is 4 or 6;

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            yield return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} is not a PNG (bad signature)");
        }

        int width = 0, height = 0, depth = 0, colorType = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    colorType = data[9];
                    if (data[12] != 0)
                    {
                        throw new InvalidDataException($"{path}: interlaced PNGs are not decoded here");
                    }

                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            at += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        if (width == 0 || depth != 8 || colorType is not (2 or 6))
        {
            return new PngImage(width, height, depth, colorType, []);
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        return new PngImage(width, height, depth, colorType, ToRgba(inflated.ToArray(), width, height, colorType == 6 ? 4 : 3));
    }

    private static byte[] ToRgba(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, current, 0, stride);
            Unfilter(filter, current, previous, channels);
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                rgba[o] = current[x * channels];
                rgba[o + 1] = current[(x * channels) + 1];
                rgba[o + 2] = current[(x * channels) + 2];
                rgba[o + 3] = channels == 4 ? current[(x * channels) + 3] : (byte)255;
            }

            (previous, current) = (current, previous);
        }

        return rgba;
    }

    private static void Unfilter(byte filter, byte[] line, byte[] above, int bpp)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= bpp ? line[i - bpp] : 0, up = above[i], upLeft = i >= bpp ? above[i - bpp] : 0;
            line[i] = filter switch
            {
                0 => line[i],
                1 => (byte)(line[i] + left),
                2 => (byte)(line[i] + up),
                3 => (byte)(line[i] + ((left + up) / 2)),
                4 => (byte)(line[i] + Paeth(left, up, upLeft)),
                _ => throw new InvalidDataException($"unknown PNG filter {filter}"),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
