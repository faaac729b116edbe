using System;

namespace OciRuntime.Core.Validation;

/// <summary>
/// Exact arithmetic on JSON number text. The runtime-spec bounds reach
/// 18446744073709551615 and -9223372036854775808, which double cannot hold
/// and decimal rounds for tiny fractions, so numbers are compared as digit
/// strings with a decimal exponent instead.
/// </summary>
internal static class JsonSchemaNumber
{
    /// <summary>Whether the number has no fractional part (1.0 and 1e3 count).</summary>
    public static bool IsInteger(ReadOnlySpan<byte> text)
    {
        Span<byte> buffer = text.Length <= 128 ? stackalloc byte[128] : new byte[text.Length];
        Normalize(text, buffer, out _, out int digits, out long order);
        return digits == 0 || order >= digits;
    }

    /// <summary>Sign of a - b, exactly.</summary>
    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Span<byte> bufferA = a.Length <= 128 ? stackalloc byte[128] : new byte[a.Length];
        Span<byte> bufferB = b.Length <= 128 ? stackalloc byte[128] : new byte[b.Length];
        int signA = Normalize(a, bufferA, out _, out int digitsA, out long orderA);
        int signB = Normalize(b, bufferB, out _, out int digitsB, out long orderB);
        if (signA != signB)
        {
            return signA < signB ? -1 : 1;
        }
        if (signA == 0)
        {
            return 0;
        }
        int magnitude = CompareMagnitude(bufferA[..digitsA], orderA, bufferB[..digitsB], orderB);
        return signA > 0 ? magnitude : -magnitude;
    }

    private static int CompareMagnitude(ReadOnlySpan<byte> a, long orderA, ReadOnlySpan<byte> b, long orderB)
    {
        if (orderA != orderB)
        {
            return orderA < orderB ? -1 : 1;
        }
        // Both are 0.d1d2... x 10^order with no trailing zeros, so the digit
        // strings compare lexicographically, a longer one winning a tie.
        int common = Math.Min(a.Length, b.Length);
        for (int i = 0; i < common; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i] ? -1 : 1;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>
    /// Writes the significant digits (no leading or trailing zeros) to
    /// <paramref name="digitsOut"/> so that |value| = 0.DIGITS x 10^order.
    /// Returns the sign: -1, 0 or 1.
    /// </summary>
    private static int Normalize(ReadOnlySpan<byte> text, Span<byte> digitsOut, out bool negative, out int digits, out long order)
    {
        negative = text.Length > 0 && text[0] == (byte)'-';
        int i = negative ? 1 : 0;
        int count = 0;
        long pointPosition = 0;
        bool seenPoint = false;
        bool seenNonZero = false;
        for (; i < text.Length; i++)
        {
            byte c = text[i];
            if (c == (byte)'.')
            {
                seenPoint = true;
                continue;
            }
            if (c == (byte)'e' || c == (byte)'E')
            {
                break;
            }
            if (!seenNonZero && c == (byte)'0')
            {
                // A leading zero before the point shifts nothing; one after
                // it moves the first significant digit one place right.
                if (seenPoint)
                {
                    pointPosition--;
                }
                continue;
            }
            seenNonZero = true;
            digitsOut[count++] = c;
            if (!seenPoint)
            {
                pointPosition++;
            }
        }
        long exponent = 0;
        if (i < text.Length)
        {
            i++;
            bool negativeExponent = false;
            if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                negativeExponent = text[i] == (byte)'-';
                i++;
            }
            for (; i < text.Length; i++)
            {
                // Saturate: an exponent this large is beyond any bound anyway.
                exponent = Math.Min(exponent * 10 + (text[i] - (byte)'0'), 1_000_000_000_000L);
            }
            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }
        while (count > 0 && digitsOut[count - 1] == (byte)'0')
        {
            count--;
        }
        digits = count;
        order = pointPosition + exponent;
        if (count == 0)
        {
            return 0;
        }
        return negative ? -1 : 1;
    }
}
