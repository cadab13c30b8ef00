using System.Text;

namespace LrSchedules.Cli.Charts;

/// <summary>
/// A grid of terminal cells, each a Unicode braille character of 2 × 4 dots, so a chart of W × H characters has
/// 2W × 4H pixels. Up to two layers (two series); a cell remembers which layers set its dots.
/// </summary>
internal sealed class BrailleCanvas
{
    // Bit of the dot at (x, y) within a cell, x in 0..1, y in 0..3 (Unicode braille patterns, U+2800).
    private static readonly int[,] DotBits = { { 0x01, 0x02, 0x04, 0x40 }, { 0x08, 0x10, 0x20, 0x80 } };

    private readonly int[,] _bits;
    private readonly int[,] _layers;

    public BrailleCanvas(int columns, int rows)
    {
        Columns = columns;
        Rows = rows;
        _bits = new int[columns, rows];
        _layers = new int[columns, rows];
    }

    public int Columns { get; }

    public int Rows { get; }

    public int PixelWidth => Columns * 2;

    public int PixelHeight => Rows * 4;

    /// <summary>Sets the dot at pixel (<paramref name="x"/>, <paramref name="y"/>), y down; outside the canvas is ignored.</summary>
    public void Set(int x, int y, int layer)
    {
        if (x < 0 || y < 0 || x >= PixelWidth || y >= PixelHeight)
        {
            return;
        }

        _bits[x / 2, y / 4] |= DotBits[x % 2, y % 4];
        _layers[x / 2, y / 4] |= 1 << layer;
    }

    /// <summary>A straight line of dots (Bresenham); <paramref name="dashed"/> leaves every other pair of columns empty.</summary>
    public void Line(int x0, int y0, int x1, int y1, int layer, bool dashed)
    {
        int dx = Math.Abs(x1 - x0);
        int dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        while (true)
        {
            if (!dashed || (x0 / 2) % 2 == 0)
            {
                Set(x0, y0, layer);
            }

            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            int twice = 2 * error;
            if (twice >= dy)
            {
                error += dy;
                x0 += sx;
            }

            if (twice <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }

    /// <summary>Writes row <paramref name="row"/>; with <paramref name="colors"/> (ANSI codes per layer) each cell is coloured by its layer.</summary>
    public void AppendRow(StringBuilder text, int row, string[]? colors)
    {
        string? current = null;
        for (int column = 0; column < Columns; column++)
        {
            int layers = _layers[column, row];
            string? color = colors is null || layers == 0 ? null : layers switch
            {
                1 => colors[0],
                2 => colors[1 % colors.Length],
                _ => null,
            };
            if (colors is not null && color != current)
            {
                text.Append(color ?? Terminal.Reset);
                current = color;
            }

            text.Append((char)(0x2800 + _bits[column, row]));
        }

        if (current is not null)
        {
            text.Append(Terminal.Reset);
        }
    }
}
