using System;
using System.Collections.Generic;

namespace OciRuntime.Core.Validation;

/// <summary>
/// The regular expressions of JSON Schema <c>pattern</c> and
/// <c>patternProperties</c>: ECMA 262 syntax, searched rather than anchored.
/// A small backtracking matcher for the subset schemas use (anchors, dot,
/// classes, escapes, groups, alternation, greedy and lazy quantifiers)
/// instead of System.Text.RegularExpressions, whose engine is about a tenth
/// of the binary and whose construction cost every `create` paid.
/// Constructs outside the subset (back-references, lookaround, \b, \p{..})
/// are refused when the schema is compiled, never silently misread.
/// </summary>
public sealed class SchemaPattern
{
    /// <summary>Backtracking depth past which a match attempt is given up (counted as no match).</summary>
    private const int MaxDepth = 2000;

    private readonly Node _root;

    private SchemaPattern(string source, Node root)
    {
        Source = source;
        _root = root;
    }

    public string Source { get; }

    /// <exception cref="FormatException">The pattern is malformed or uses an unsupported construct.</exception>
    public static SchemaPattern Parse(string source)
    {
        var parser = new Parser(source);
        var root = parser.ParseAlternation();
        if (parser.Position != source.Length)
            throw new FormatException($"unbalanced ')' at offset {parser.Position}");
        return new SchemaPattern(source, root);
    }

    /// <summary>True when the pattern matches anywhere in <paramref name="input"/> (ECMA 262 RegExp.test).</summary>
    public bool IsMatch(string input)
    {
        var matcher = new Matcher(input);
        for (int start = 0; start <= input.Length; start++)
        {
            if (matcher.Match(_root, start, End, 0))
                return true;
            if (_root.AnchoredAtStart)
                return false;
        }
        return false;
    }

    private static bool End(int position) => true;

    private abstract class Node
    {
        public virtual bool AnchoredAtStart => false;
    }

    private sealed class Sequence(Node[] items) : Node
    {
        public Node[] Items { get; } = items;
        public override bool AnchoredAtStart => Items.Length > 0 && Items[0].AnchoredAtStart;
    }

    private sealed class Alternation(Node[] options) : Node
    {
        public Node[] Options { get; } = options;
        public override bool AnchoredAtStart => Array.TrueForAll(Options, o => o.AnchoredAtStart);
    }

    private sealed class Repeat(Node item, int min, int max, bool greedy) : Node
    {
        public Node Item { get; } = item;
        public int Min { get; } = min;
        public int Max { get; } = max;
        public bool Greedy { get; } = greedy;
    }

    private sealed class StartAnchor : Node
    {
        public override bool AnchoredAtStart => true;
    }

    private sealed class EndAnchor : Node
    {
    }

    /// <summary>One UTF-16 unit out of a set of ranges (ECMA 262 without the u flag works on code units).</summary>
    private sealed class CharSet(List<(char Low, char High)> ranges, bool negated) : Node
    {
        public bool Contains(char c)
        {
            foreach (var (low, high) in ranges)
            {
                if (c >= low && c <= high)
                    return !negated;
            }
            return negated;
        }
    }

    private sealed class Matcher(string input)
    {
        public bool Match(Node node, int position, Func<int, bool> next, int depth)
        {
            if (depth > MaxDepth)
                return false;
            switch (node)
            {
                case CharSet set:
                    return position < input.Length && set.Contains(input[position]) && next(position + 1);
                case StartAnchor:
                    return position == 0 && next(position);
                case EndAnchor:
                    return position == input.Length && next(position);
                case Sequence sequence:
                    return MatchSequence(sequence.Items, 0, position, next, depth);
                case Alternation alternation:
                    foreach (var option in alternation.Options)
                    {
                        if (Match(option, position, next, depth + 1))
                            return true;
                    }
                    return false;
                case Repeat { Item: CharSet set } repeat:
                    return MatchCharRun(set, repeat, position, next);
                case Repeat repeat:
                    return MatchRepeat(repeat, 0, position, next, depth);
                default:
                    throw new InvalidOperationException("unknown pattern node");
            }
        }

        private bool MatchSequence(Node[] items, int index, int position, Func<int, bool> next, int depth)
        {
            if (index == items.Length)
                return next(position);
            return Match(items[index], position, p => MatchSequence(items, index + 1, p, next, depth + 1), depth + 1);
        }

        /// <summary>
        /// A quantified class ([^\n]*, [0-9]+): the run is measured in a loop,
        /// so a long value costs no recursion per character.
        /// </summary>
        private bool MatchCharRun(CharSet set, Repeat repeat, int position, Func<int, bool> next)
        {
            int limit = repeat.Max < 0 ? input.Length - position : Math.Min(repeat.Max, input.Length - position);
            int run = 0;
            while (run < limit && set.Contains(input[position + run]))
                run++;
            if (run < repeat.Min)
                return false;
            if (repeat.Greedy)
            {
                for (int n = run; n >= repeat.Min; n--)
                {
                    if (next(position + n))
                        return true;
                }
            }
            else
            {
                for (int n = repeat.Min; n <= run; n++)
                {
                    if (next(position + n))
                        return true;
                }
            }
            return false;
        }

        private bool MatchRepeat(Repeat repeat, int count, int position, Func<int, bool> next, int depth)
        {
            bool canStop = count >= repeat.Min;
            bool canGo = repeat.Max < 0 || count < repeat.Max;
            // An iteration that consumes nothing once the minimum is met would loop forever (ECMA 262 21.2.2.5.1 step 2.b).
            Func<int, bool> again = p => !(p == position && canStop) && MatchRepeat(repeat, count + 1, p, next, depth + 1);
            if (repeat.Greedy)
                return (canGo && Match(repeat.Item, position, again, depth + 1)) || (canStop && next(position));
            return (canStop && next(position)) || (canGo && Match(repeat.Item, position, again, depth + 1));
        }
    }

    private sealed class Parser(string source)
    {
        public int Position { get; private set; }

        private bool AtEnd => Position >= source.Length;

        private char Peek => source[Position];

        public Node ParseAlternation()
        {
            var options = new List<Node> { ParseSequence() };
            while (!AtEnd && Peek == '|')
            {
                Position++;
                options.Add(ParseSequence());
            }
            return options.Count == 1 ? options[0] : new Alternation(options.ToArray());
        }

        private Node ParseSequence()
        {
            var items = new List<Node>();
            while (!AtEnd && Peek != '|' && Peek != ')')
                items.Add(ParseQuantified());
            return items.Count == 1 ? items[0] : new Sequence(items.ToArray());
        }

        private Node ParseQuantified()
        {
            var atom = ParseAtom();
            if (AtEnd)
                return atom;
            int min, max;
            switch (Peek)
            {
                case '*': min = 0; max = -1; Position++; break;
                case '+': min = 1; max = -1; Position++; break;
                case '?': min = 0; max = 1; Position++; break;
                case '{' when TryParseBraces(out min, out max): break;
                default: return atom;
            }
            if (atom is StartAnchor or EndAnchor)
                throw new FormatException($"nothing to repeat at offset {Position - 1}");
            bool greedy = true;
            if (!AtEnd && Peek == '?')
            {
                greedy = false;
                Position++;
            }
            return new Repeat(atom, min, max, greedy);
        }

        /// <summary>{n}, {n,}, {n,m}; anything else leaves '{' a literal (ECMA 262 Annex B).</summary>
        private bool TryParseBraces(out int min, out int max)
        {
            min = max = 0;
            int p = Position + 1;
            if (!ReadNumber(ref p, out min))
                return false;
            max = min;
            if (p < source.Length && source[p] == ',')
            {
                p++;
                max = -1;
                if (p < source.Length && char.IsAsciiDigit(source[p]) && !ReadNumber(ref p, out max))
                    return false;
            }
            if (p >= source.Length || source[p] != '}')
                return false;
            if (max >= 0 && max < min)
                throw new FormatException($"numbers out of order in quantifier at offset {Position}");
            Position = p + 1;
            return true;
        }

        private bool ReadNumber(ref int p, out int value)
        {
            value = 0;
            int start = p;
            while (p < source.Length && char.IsAsciiDigit(source[p]))
            {
                value = (int)Math.Min(int.MaxValue, value * 10L + (source[p] - '0'));
                p++;
            }
            return p > start;
        }

        private Node ParseAtom()
        {
            char c = source[Position++];
            switch (c)
            {
                case '^':
                    return new StartAnchor();
                case '$':
                    return new EndAnchor();
                case '.':
                    return new CharSet(LineTerminators(), negated: true);
                case '(':
                    if (!AtEnd && Peek == '?')
                    {
                        if (Position + 1 < source.Length && source[Position + 1] == ':')
                            Position += 2;
                        else
                            throw new FormatException($"lookaround and named groups are not supported (offset {Position - 1})");
                    }
                    var inner = ParseAlternation();
                    if (AtEnd || Peek != ')')
                        throw new FormatException("missing ')'");
                    Position++;
                    return inner;
                case '[':
                    return ParseClass();
                case '\\':
                    return ParseEscapeAtom();
                case '*' or '+' or '?':
                    throw new FormatException($"nothing to repeat at offset {Position - 1}");
                case ')':
                    throw new FormatException($"unbalanced ')' at offset {Position - 1}");
                default:
                    return Single(c);
            }
        }

        private Node ParseEscapeAtom()
        {
            if (AtEnd)
                throw new FormatException("'\\' at the end of the pattern");
            char c = source[Position];
            if (c is 'b' or 'B')
                throw new FormatException("word boundaries are not supported");
            if (c is >= '1' and <= '9')
                throw new FormatException("back-references are not supported");
            var ranges = new List<(char, char)>();
            bool negated = ReadEscape(ranges);
            return new CharSet(ranges, negated);
        }

        /// <summary>Reads the escape after '\' into <paramref name="ranges"/>; true when it is a negated class (\D \W \S).</summary>
        private bool ReadEscape(List<(char, char)> ranges)
        {
            char c = source[Position++];
            switch (c)
            {
                case 'd': ranges.Add(('0', '9')); return false;
                case 'D': ranges.Add(('0', '9')); return true;
                case 'w': AddWord(ranges); return false;
                case 'W': AddWord(ranges); return true;
                case 's': AddSpace(ranges); return false;
                case 'S': AddSpace(ranges); return true;
                case 't': ranges.Add(('\t', '\t')); return false;
                case 'n': ranges.Add(('\n', '\n')); return false;
                case 'r': ranges.Add(('\r', '\r')); return false;
                case 'v': ranges.Add(('\v', '\v')); return false;
                case 'f': ranges.Add(('\f', '\f')); return false;
                case '0': ranges.Add(('\0', '\0')); return false;
                case 'x': ranges.Add(Hex(2)); return false;
                case 'u': ranges.Add(Hex(4)); return false;
                case 'p' or 'P' or 'c' or 'k':
                    throw new FormatException($"'\\{c}' is not supported");
                default:
                    if (char.IsAsciiLetterOrDigit(c))
                        throw new FormatException($"'\\{c}' is not supported");
                    ranges.Add((c, c));
                    return false;
            }
        }

        private (char, char) Hex(int digits)
        {
            if (Position + digits > source.Length)
                throw new FormatException("truncated hexadecimal escape");
            int value = 0;
            for (int i = 0; i < digits; i++)
            {
                char h = source[Position++];
                int d = char.IsAsciiDigit(h) ? h - '0' : char.IsAsciiHexDigitLower(h) ? h - 'a' + 10 : char.IsAsciiHexDigitUpper(h) ? h - 'A' + 10 : -1;
                if (d < 0)
                    throw new FormatException("malformed hexadecimal escape");
                value = value * 16 + d;
            }
            return ((char)value, (char)value);
        }

        /// <summary>A class: '[' already read. In ECMA 262 "[]" matches nothing and "[^]" anything.</summary>
        private Node ParseClass()
        {
            bool negated = !AtEnd && Peek == '^';
            if (negated)
                Position++;
            var ranges = new List<(char, char)>();
            while (true)
            {
                if (AtEnd)
                    throw new FormatException("missing ']'");
                if (Peek == ']')
                {
                    Position++;
                    return new CharSet(ranges, negated);
                }
                if (!ReadClassAtom(ranges, out char low))
                    continue;
                // A '-' between two single characters is a range; elsewhere it is a literal.
                if (Position + 1 < source.Length && Peek == '-' && source[Position + 1] != ']')
                {
                    Position++;
                    var upper = new List<(char, char)>();
                    if (!ReadClassAtom(upper, out char high))
                        throw new FormatException("a class escape cannot end a range");
                    if (high < low)
                        throw new FormatException($"range out of order in character class at offset {Position}");
                    ranges.Add((low, high));
                }
                else
                {
                    ranges.Add((low, low));
                }
            }
        }

        /// <summary>One class member; false when it was a class escape (\d, \s...) already added to <paramref name="ranges"/>.</summary>
        private bool ReadClassAtom(List<(char, char)> ranges, out char single)
        {
            single = source[Position++];
            if (single != '\\')
                return true;
            if (AtEnd)
                throw new FormatException("'\\' at the end of the pattern");
            if (Peek == 'b')
            {
                Position++;
                single = '\b';
                return true;
            }
            var escaped = new List<(char, char)>();
            bool negated = ReadEscape(escaped);
            if (negated)
            {
                ranges.AddRange(Complement(escaped));
                return false;
            }
            if (escaped.Count == 1 && escaped[0].Item1 == escaped[0].Item2)
            {
                single = escaped[0].Item1;
                return true;
            }
            ranges.AddRange(escaped);
            return false;
        }

        private static IEnumerable<(char, char)> Complement(List<(char, char)> ranges)
        {
            ranges.Sort((a, b) => a.Item1.CompareTo(b.Item1));
            int next = 0;
            foreach (var (low, high) in ranges)
            {
                if (low > next)
                    yield return ((char)next, (char)(low - 1));
                next = Math.Max(next, high + 1);
            }
            if (next <= char.MaxValue)
                yield return ((char)next, char.MaxValue);
        }

        private static CharSet Single(char c) => new([(c, c)], negated: false);

        private static List<(char, char)> LineTerminators() =>
            [('\n', '\n'), ('\r', '\r'), ('\u2028', '\u2029')];

        private static void AddWord(List<(char, char)> ranges)
        {
            ranges.Add(('a', 'z'));
            ranges.Add(('A', 'Z'));
            ranges.Add(('0', '9'));
            ranges.Add(('_', '_'));
        }

        /// <summary>ECMA 262 WhiteSpace and LineTerminator.</summary>
        private static void AddSpace(List<(char, char)> ranges)
        {
            ranges.Add(('\t', '\r'));
            ranges.Add((' ', ' '));
            ranges.Add(('\u00a0', '\u00a0'));
            ranges.Add(('\u1680', '\u1680'));
            ranges.Add(('\u2000', '\u200a'));
            ranges.Add(('\u2028', '\u2029'));
            ranges.Add(('\u202f', '\u202f'));
            ranges.Add(('\u205f', '\u205f'));
            ranges.Add(('\u3000', '\u3000'));
            ranges.Add(('\ufeff', '\ufeff'));
        }
    }
}
