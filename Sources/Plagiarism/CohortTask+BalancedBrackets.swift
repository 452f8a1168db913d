extension CohortTask {
    /// Balanced brackets. A stack with a closing-to-opening map, a stack with an `if`/`elif`
    /// chain, deleting adjacent pairs until nothing changes, and a stack of positions in
    /// the opening and closing strings.
    static let balancedBrackets = CohortTask(
        name: "balanced_brackets",
        header: #"""
        """Balanced brackets: is every (, [ and { closed in the right order?"""
        import sys
        """#,
        reader: nil,
        readerVariants: [],
        stubs: [#"""
        def is_balanced(s):
            # TODO: return True when the brackets in s are balanced
            pass
        """#],
        main: #"""
        if __name__ == "__main__":
            for line in sys.stdin:
                print("YES" if is_balanced(line.strip()) else "NO")
        """#,
        mainVariants: [
            { _ in #"""
            def main():
                for $line in sys.stdin.read().splitlines():
                    if $line:
                        print(is_balanced($line))

            if __name__ == "__main__":
                main()
            """# },
            { r in #"""
            if __name__ == "__main__":
                $cases = \#(r.pick(["[\"()\", \"([]{})\", \"(]\", \"((\"]", "[\"{[()]}\", \"{[(])}\", \"\"]"]))
                for $case in $cases:
                    print(repr($case), is_balanced($case))
            """# },
        ],
        examples: [
            "assert is_balanced(\"([]{})\")",
            "assert not is_balanced(\"(]\")",
            "assert not is_balanced(\"((\")",
            "assert is_balanced(\"\")",
        ],
        templates: [bracketsMapStack, bracketsChain, bracketsReplace, bracketsPositions]
    )

    private static func bracketsHead(_ r: inout SplitMix64, _ docs: [String]) -> String {
        Kit.signature(&r, "is_balanced", [("$s", "str")], returns: "bool", hinted: r.chance(0.25))
            + "\n" + Kit.docstring(&r, 1, docs)
    }

    private static func emptyResult(_ r: inout SplitMix64, _ name: String) -> String {
        r.pick(["not \(name)", "len(\(name)) == 0", "\(name) == []"])
    }

    private static func bracketsGuard(_ r: inout SplitMix64) -> String {
        switch r.below(5) {
        case 0: return "    if not $s:\n        return True"
        case 1: return "    if $s is None:\n        return False"
        case 2: return "    if not isinstance($s, str):\n        raise TypeError(\"expected a string\")"
        default: return ""
        }
    }

    private static func bracketsLoop(_ r: inout SplitMix64) -> String {
        r.chance(0.75) ? "    for $ch in $s:" : "    for $i in range(len($s)):\n        $ch = $s[$i]"
    }

    private static let bracketsMapStack: Template = { r in
        let head = bracketsHead(&r, ["Stack of open brackets; each closer must match the top.", "Classic stack check."])
        let openers = r.pick(["\"([{\"", "$matching.values()", "\"({[\""])
        let pop: String
        switch r.below(3) {
        case 0: pop = "            if not $stack or $stack.pop() != $matching[$ch]:\n                return False"
        case 1: pop = "            if not $stack:\n                return False\n            if $stack[-1] != $matching[$ch]:\n                return False\n            $stack.pop()"
        default: pop = "            if len($stack) == 0:\n                return False\n            $top_char = $stack.pop()\n            if $top_char != $matching[$ch]:\n                return False"
        }
        let map = r.chance(0.7) ? "    ~ $matching = {\")\": \"(\", \"]\": \"[\", \"}\": \"{\"}" : "    ~ $matching = dict(zip(\")]}\", \"([{\"))"
        let body = #"""
        \#(bracketsGuard(&r))
        \#(map)
            ~ $stack = []
        \#(bracketsLoop(&r))
                if $ch in \#(openers):
                    $stack.append($ch)
                elif $ch in $matching:
                    \#(Kit.comment(&r, 3, ["closing bracket must match the last opened one", "mismatch or nothing open"]))
        \#(pop)
            return \#(emptyResult(&r, "$stack"))
        """#
        return SolutionDraft(template: "balanced_brackets/map_stack", blocks: [head + "\n" + body])
    }

    private static let bracketsChain: Template = { r in
        let head = bracketsHead(&r, ["Check bracket pairs one kind at a time.", "Stack with explicit cases."])
        let usesHelper = r.chance(0.4)
        let popFirst = r.chance(0.3)
        var branches: [String] = []
        for (open, close) in r.shuffled([("(", ")"), ("[", "]"), ("{", "}")]) {
            let test = usesHelper ? "not $helper($stack[-1], $ch)" : "$stack[-1] != \"\(open)\""
            if popFirst {
                let popped = usesHelper ? "not $helper($stack.pop(), $ch)" : "$stack.pop() != \"\(open)\""
                branches.append("        elif $ch == \"\(close)\":\n            if not $stack or \(popped):\n                return False")
            } else {
                branches.append("        elif $ch == \"\(close)\":\n            if not $stack or \(test):\n                return False\n            $stack.pop()")
            }
        }
        let opening = r.pick(["$ch == \"(\" or $ch == \"[\" or $ch == \"{\"", "$ch in \"([{\"", "$ch in (\"(\", \"[\", \"{\")"])
        let body = #"""
        \#(bracketsGuard(&r))
            $stack = []
        \#(bracketsLoop(&r))
                if \#(opening):
                    $stack.append($ch)
        \#(branches.joined(separator: "\n"))
            return \#(emptyResult(&r, "$stack"))
        """#
        var blocks = [head + "\n" + body]
        if usesHelper {
            let pairs = r.chance(0.5)
                ? "    return ($opening, $closing) in [(\"(\", \")\"), (\"[\", \"]\"), (\"{\", \"}\")]"
                : "    return $opening + $closing in (\"()\", \"[]\", \"{}\")"
            blocks.insert("def $helper($opening, $closing):\n" + Kit.docstring(&r, 1, ["True for a matching pair.", "Do these two brackets pair up?"]) + "\n" + pairs,
                          at: r.below(2))
        }
        return SolutionDraft(template: "balanced_brackets/chain", blocks: blocks)
    }

    private static let bracketsReplace: Template = { r in
        let head = bracketsHead(&r, ["Delete adjacent pairs until none are left.", "Repeatedly remove (), [] and {}."])
        let filter: String
        switch r.below(3) {
        case 0: filter = "    $s = \"\".join($ch for $ch in $s if $ch in \"()[]{}\")"
        case 1: filter = "    $s = \"\".join([$ch for $ch in $s if $ch in \"()[]{}\"])"
        default: filter = "    $prev = \"\"\n    for $ch in $s:\n        if $ch in \"()[]{}\":\n            $prev += $ch\n    $s = $prev"
        }
        let loop: String
        switch r.below(3) {
        case 0: loop = "    $prev = None\n    while $prev != $s:\n        $prev = $s\n        $s = $s.replace(\"()\", \"\").replace(\"[]\", \"\").replace(\"{}\", \"\")"
        case 1: loop = "    while \"()\" in $s or \"[]\" in $s or \"{}\" in $s:\n        $s = $s.replace(\"()\", \"\")\n        $s = $s.replace(\"[]\", \"\")\n        $s = $s.replace(\"{}\", \"\")"
        default: loop = "    while True:\n        $prev = $s\n        for $top_char in (\"()\", \"[]\", \"{}\"):\n            $s = $s.replace($top_char, \"\")\n        if $s == $prev:\n            break"
        }
        let body = #"""
        \#(bracketsGuard(&r))
            \#(Kit.comment(&r, 1, ["only brackets matter", "drop everything that is not a bracket"]))
        \#(filter)
        \#(loop)
            return \#(r.pick(["$s == \"\"", "not $s", "len($s) == 0"]))
        """#
        return SolutionDraft(template: "balanced_brackets/replace", blocks: [head + "\n" + body])
    }

    private static let bracketsPositions: Template = { r in
        let head = bracketsHead(&r, ["Match brackets by their position in the opening and closing strings.", "Stack of bracket kinds."])
        let deque = r.chance(0.3)
        let storeKinds = r.chance(0.5)
        let push = storeKinds ? "$stack.append($opening.index($ch))" : "$stack.append($ch)"
        let top = storeKinds ? "$stack[-1]" : "$opening.index($stack[-1])"
        let mismatch = r.chance(0.5)
            ? "            if not $stack or \(top) != $closing.index($ch):\n                return False\n            $stack.pop()"
            : "            if not $stack:\n                return False\n            if \(top) != $closing.index($ch):\n                return False\n            $stack.pop()"
        let body = #"""
        \#(bracketsGuard(&r))
            ~ $opening = "\#(r.pick(["([{", "({["]))"
            ~ $closing = "\#(r.pick([")]}", ")}]"]))"
            ~ $stack = \#(deque ? "deque()" : "[]")
        \#(bracketsLoop(&r))
                if $ch in $opening:
                    \#(push)
                elif $ch in $closing:
        \#(mismatch)
            return \#(emptyResult(&r, "$stack"))
        """#
        // The two strings must list the pairs in the same order.
        let text = body.contains("\"({[\"") ? body.replacingOccurrences("\")]}\"", "\")}]\"") : body.replacingOccurrences("\")}]\"", "\")]}\"")
        return SolutionDraft(template: "balanced_brackets/positions", imports: deque ? ["from collections import deque"] : [],
                             blocks: [head + "\n" + text])
    }
}

extension String {
    /// Foundation-free replacement of every occurrence of `target`.
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
