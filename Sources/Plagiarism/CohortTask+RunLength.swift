extension CohortTask {
    /// Run-length encoding, two functions. Encoders: a loop carrying the previous character,
    /// `itertools.groupby`, an index scan, a regular expression. Decoders: digit
    /// accumulation, a regular expression, an index scan. Authors combine one of each.
    static let runLength = CohortTask(
        name: "run_length",
        header: #"""
        """Run-length encoding: "aaabcc" <-> "a3b1c2"."""
        import sys
        """#,
        reader: nil,
        readerVariants: [],
        stubs: [#"""
        def encode(text):
            # TODO: "aaabcc" -> "a3b1c2"
            pass
        """#, #"""
        def decode(code):
            # TODO: "a3b1c2" -> "aaabcc"
            pass
        """#],
        main: #"""
        if __name__ == "__main__":
            mode, value = sys.stdin.read().split()
            print(encode(value) if mode == "encode" else decode(value))
        """#,
        mainVariants: [
            { _ in #"""
            def main():
                $args = sys.stdin.read().split()
                if $args[0] == "encode":
                    print(encode($args[1]))
                else:
                    print(decode($args[1]))

            if __name__ == "__main__":
                main()
            """# },
            { _ in #"""
            if __name__ == "__main__":
                for $case in ["aaabcc", "abc", "zzzzzzzzzzzz"]:
                    $got = encode($case)
                    print($case, $got, decode($got) == $case)
            """# },
        ],
        examples: [
            "assert encode(\"aaabcc\") == \"a3b1c2\"",
            "assert decode(\"a3b1c2\") == \"aaabcc\"",
            "assert encode(\"\") == \"\"",
            "assert decode(encode(\"zzzzzzzzzzzz\")) == \"zzzzzzzzzzzz\"",
        ],
        templates: [runLengthSolution]
    )

    private static let runLengthSolution: Template = { r in
        let encoder = r.below(4)
        let decoder = r.below(3)
        var imports: [String] = []
        let encodeHead = Kit.signature(&r, "encode", [("$text", "str")], returns: "str", hinted: r.chance(0.25))
            + "\n" + Kit.docstring(&r, 1, ["Encode runs as character + count.", "\"aaab\" -> \"a3b1\"."])
        let decodeHead = Kit.signature(&r, "decode", [("$code", "str")], returns: "str", hinted: r.chance(0.25))
            + "\n" + Kit.docstring(&r, 1, ["Expand character + count pairs.", "Inverse of encode."])
        let piece = { (char: String, count: String, r: inout SplitMix64) -> String in
            r.pick(["\(char) + str(\(count))", "f\"{\(char)}{\(count)}\"", "\(char) + str(\(count))", "\"%s%d\" % (\(char), \(count))"])
        }
        let guardEncode = r.pick(["", "", "    if not isinstance($text, str):\n        raise TypeError(\"expected a string\")", "    if $text == \"\":\n        return \"\""])
        let guardDecode = r.pick(["", "", "    if not $code:\n        return \"\""])
        let encode: String
        switch encoder {
        case 0:
            let loop = r.chance(0.6) ? "    for $ch in $text[1:]:" : "    for $i in range(1, len($text)):\n        $ch = $text[$i]"
            encode = #"""
                if not $text:
                    return ""
                ~ $encoded = []
                ~ $prev = $text[0]
                ~ $run = 1
            \#(loop)
                    if $ch == $prev:
                        $run += 1
                    else:
                        $encoded.append(\#(piece("$prev", "$run", &r)))
                        $prev = $ch
                        $run = 1
                $encoded.append(\#(piece("$prev", "$run", &r)))
                return "".join($encoded)
            """#
        case 1:
            imports.append("from itertools import groupby")
            encode = r.chance(0.5)
                ? "    return \"\".join(\(piece("$key", "len(list($group))", &r)) for $key, $group in groupby($text))"
                : "    $encoded = []\n    for $key, $group in groupby($text):\n        $run = sum(1 for _ in $group)\n        $encoded.append(\(piece("$key", "$run", &r)))\n    return \"\".join($encoded)"
        case 2:
            encode = #"""
                ~ $encoded = ""
                ~ $i = 0
                while $i < len($text):
                    $j = $i
                    while $j < len($text) and $text[$j] == $text[$i]:
                        $j += 1
                    $encoded += \#(piece("$text[$i]", "$j - $i", &r))
                    $i = $j
                return $encoded
            """#
        default:
            imports.append("import re")
            encode = "    return \"\".join(\(piece("$group.group(1)", "len($group.group(0))", &r)) for $group in re.finditer(r\"(.)\\1*\", $text))"
        }
        let decode: String
        switch decoder {
        case 0:
            decode = #"""
                ~ $decoded = []
                ~ $key = ""
                ~ $digits = ""
                for $ch in $code:
                    if $ch.isdigit():
                        $digits += $ch
                    else:
                        if $key:
                            $decoded.append($key * int($digits))
                        $key = $ch
                        $digits = ""
                if $key:
                    $decoded.append($key * int($digits))
                return "".join($decoded)
            """#
        case 1:
            if !imports.contains("import re") { imports.append("import re") }
            decode = r.chance(0.5)
                ? "    return \"\".join($key * int($digits) for $key, $digits in re.findall(r\"(\\D)(\\d+)\", $code))"
                : "    $decoded = []\n    for $key, $digits in re.findall(r\"(\\D)(\\d+)\", $code):\n        $decoded.append($key * int($digits))\n    return \"\".join($decoded)"
        default:
            decode = #"""
                ~ $decoded = ""
                ~ $i = 0
                while $i < len($code):
                    $key = $code[$i]
                    $j = $i + 1
                    while $j < len($code) and $code[$j].isdigit():
                        $j += 1
                    $decoded += $key * int($code[$i + 1:$j])
                    $i = $j
                return $decoded
            """#
        }
        var blocks = [encodeHead + "\n" + guardEncode + "\n" + encode, decodeHead + "\n" + guardDecode + "\n" + decode]
        if r.chance(0.3) { blocks.reverse() }
        return SolutionDraft(template: "run_length/encoder\(encoder)_decoder\(decoder)", imports: imports, blocks: blocks)
    }
}
