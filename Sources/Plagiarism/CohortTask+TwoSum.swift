extension CohortTask {
    /// Two sum: indices of two numbers adding up to a target. Brute force (three loop
    /// shapes), one-pass dictionary, two-pass dictionary, sort and two pointers, sort and
    /// binary search.
    static let twoSum = CohortTask(
        name: "two_sum",
        header: #"""
        """Two sum: return the indices of the two numbers in nums that add up to target."""
        import sys
        """#,
        reader: #"""
        def read_input():
            data = sys.stdin.read().split()
            target = int(data[0])
            nums = [int(token) for token in data[1:]]
            return nums, target
        """#,
        readerVariants: [
            { _ in #"""
            def read_input():
                $target = int(input())
                $nums = [int($x) for $x in input().split()]
                return $nums, $target
            """# },
            { r in #"""
            def read_input():
                $line = sys.stdin.readline()
                $target = int($line)
                $nums = list(map(int, sys.stdin.readline().split()))
                \#(r.chance(0.5) ? "if not $nums:\n        raise ValueError(\"no numbers given\")" : "")
                return $nums, $target
            """# },
        ],
        stubs: [#"""
        def two_sum(nums, target):
            # TODO: return [i, j] with nums[i] + nums[j] == target, or [] if there is none
            pass
        """#],
        main: #"""
        if __name__ == "__main__":
            nums, target = read_input()
            print(two_sum(nums, target))
        """#,
        mainVariants: [
            { r in #"""
            def main():
                $nums, $target = read_input()
                $answer = two_sum($nums, $target)
                \#(r.pick(["print(\" \".join(map(str, $answer)))", "print(*$answer)", "print($answer)"]))

            if __name__ == "__main__":
                main()
            """# },
            { _ in #"""
            if __name__ == "__main__":
                $cases = [([2, 7, 11, 15], 9), ([3, 2, 4], 6), ([3, 3], 6)]
                for $nums, $target in $cases:
                    print($nums, $target, "->", two_sum($nums, $target))
            """# },
        ],
        examples: [
            "assert two_sum([2, 7, 11, 15], 9) == [0, 1]",
            "assert two_sum([3, 2, 4], 6) == [1, 2]",
            "assert two_sum([3, 3], 6) == [0, 1]",
            "assert two_sum([1, 2], 7) in ([], None, [-1, -1])",
        ],
        templates: [twoSumBruteForce, twoSumOnePass, twoSumTwoPass, twoSumTwoPointers, twoSumBisect]
    )

    private static func twoSumHead(_ r: inout SplitMix64, _ docs: [String]) -> String {
        let hinted = r.chance(0.25)
        return Kit.signature(&r, "two_sum", [("$nums", "list[int]"), ("$target", "int")], returns: "list[int]", hinted: hinted)
            + "\n" + Kit.docstring(&r, 1, docs)
    }

    private static func notFound(_ r: inout SplitMix64) -> String {
        r.pick(["[]", "[]", "None", "[-1, -1]"])
    }

    /// The checks some authors put first.
    private static func twoSumValidation(_ r: inout SplitMix64, _ none: String) -> String {
        switch r.below(5) {
        case 0: return "    if len($nums) < 2:\n        return \(none)"
        case 1: return "    if not $nums:\n        return \(none)"
        case 2: return "    if $nums is None or len($nums) < 2:\n        raise ValueError(\"need at least two numbers\")"
        default: return ""
        }
    }

    private static let twoSumBruteForce: Template = { r in
        let head = twoSumHead(&r, ["Return indices of the two numbers adding up to target (brute force).",
                                   "Check every pair of positions.", "O(n^2) search over all pairs."])
        let none = notFound(&r)
        let result = r.pick(["[$i, $j]", "[$i, $j]", "($i, $j)", "list(($i, $j))"])
        var blocks: [String] = []
        let usesHelper = r.chance(0.3)
        if usesHelper {
            blocks.append(#"""
            def $helper($x, $y, $target):
                \#(Kit.docstring(&r, 0, ["True when the two values add up to the target.", "Pair check."]))
                \#(r.pick(["return $x + $y == $target", "return $target - $x == $y", "if $x + $y == $target:\n        return True\n    return False"]))
            """#)
        }
        let condition = usesHelper ? "$helper($nums[$i], $nums[$j], $target)"
            : r.pick(["$nums[$i] + $nums[$j] == $target", "$target - $nums[$i] == $nums[$j]", "$nums[$j] == $target - $nums[$i]"])
        let validation = twoSumValidation(&r, none)
        let useLength = r.chance(0.5)
        let length = useLength ? "$n" : "len($nums)"
        let lengthLine = useLength ? "    ~ $n = len($nums)" : ""
        // Inner loops over the later positions, or over all positions skipping the same one.
        let allPairs = r.chance(0.3)
        let inner = allPairs ? "range(\(length))" : "range($i + 1, \(length))"
        let guarded = allPairs ? "$i != $j and \(condition)" : condition
        let keepFirst = r.chance(0.3)
        let found = keepFirst
            ? "if \(guarded) and not $answer:\n                $answer = \(result)"
            : "if \(guarded):\n                return \(result)"
        let body: String
        switch r.below(3) {
        case 0:
            body = #"""
            \#(lengthLine)
                \#(keepFirst ? "~ $answer = []" : "")
                \#(Kit.comment(&r, 1, ["try every pair", "check all pairs i < j", "brute force"]))
                for $i in range(\#(length)):
                    for $j in \#(inner):
                        \#(found)
                return \#(keepFirst ? "$answer" : none)
            """#
        case 1:
            let step = r.chance(0.5) ? "$j += 1" : "$j = $j + 1"
            body = #"""
            \#(lengthLine)
                ~ $i = 0
                while $i < \#(length):
                    $j = \#(allPairs ? "0" : "$i + 1")
                    while $j < \#(length):
                        \#(found)
                        \#(step)
                    $i += 1
                return \#(keepFirst ? "$answer" : none)
            """#.replacingOccurrences("~ $i = 0", keepFirst ? "~ $i = 0\n    ~ $answer = []" : "~ $i = 0")
        default:
            let check = usesHelper ? "$helper($x, $nums[$j], $target)" : r.pick(["$x + $nums[$j] == $target", "$nums[$j] == $target - $x"])
            body = #"""
                \#(Kit.comment(&r, 1, ["compare each value with the ones after it", "pairs of positions"]))
                for $i, $x in enumerate($nums):
                    for $j in range($i + 1, len($nums)):
                        if \#(check):
                            return \#(result)
                return \#(none)
            """#
        }
        blocks.insert(head + "\n" + validation + "\n" + body, at: r.below(blocks.count + 1))
        return SolutionDraft(template: "two_sum/brute_force", blocks: blocks)
    }

    private static let twoSumOnePass: Template = { r in
        let head = twoSumHead(&r, ["Single pass with a dictionary of values seen so far.",
                                   "Return indices i < j with nums[i] + nums[j] == target.", "Hash map solution, O(n)."])
        let none = notFound(&r)
        let loop = r.chance(0.7)
            ? "    for $i, $x in enumerate($nums):"
            : "    for $i in range(len($nums)):\n        $x = $nums[$i]"
        // Remember values and look up complements, or remember complements and look up values.
        let storeComplement = r.chance(0.3)
        let usesNeed = r.chance(0.6)
        let need = usesNeed ? "$need" : "$target - $x"
        let key = storeComplement ? "$x" : need
        let check = r.pick(["if \(key) in $seen:", "if \(key) in $seen:", "if $seen.get(\(key)) is not None:", "if \(key) in $seen.keys():"])
        let result = r.pick(["[$seen[\(key)], $i]", "[$seen[\(key)], $i]", "($seen[\(key)], $i)"])
        let remember = storeComplement ? "$seen[\(need)] = $i" : "$seen[$x] = $i"
        let structure = r.chance(0.4)
            ? "        \(check)\n            return \(result)\n        \(remember)"
            : "        \(check)\n            return \(result)\n        else:\n            \(remember)"
        let body = #"""
        \#(twoSumValidation(&r, none))
            $seen = \#(r.pick(["{}", "{}", "dict()"]))
            \#(Kit.comment(&r, 1, ["remember where each value was seen", "value -> index", "map from number to its position"]))
        \#(loop)
                \#(usesNeed ? "$need = $target - $x" : "")
        \#(structure)
            return \#(none)
        """#
        return SolutionDraft(template: "two_sum/one_pass", blocks: [head + "\n" + body])
    }

    private static let twoSumTwoPass: Template = { r in
        let head = twoSumHead(&r, ["Build a value-to-index map, then look up each complement.", "Two passes over the list."])
        let none = notFound(&r)
        let build = r.chance(0.5)
            ? "    $seen = {$x: $i for $i, $x in enumerate($nums)}"
            : "    $seen = {}\n    for $i, $x in enumerate($nums):\n        $seen[$x] = $i"
        let result = r.pick(["[$i, $j]", "sorted([$i, $j])", "[min($i, $j), max($i, $j)]"])
        let lookup = r.chance(0.5)
            ? "        $j = $seen.get($target - $x)\n        if $j is not None and $j != $i:\n            return \(result)"
            : "        if $target - $x in $seen and $seen[$target - $x] != $i:\n            $j = $seen[$target - $x]\n            return \(result)"
        let loop = r.chance(0.6) ? "    for $i, $x in enumerate($nums):" : "    for $i in range(len($nums)):\n        $x = $nums[$i]"
        let body = #"""
        \#(twoSumValidation(&r, none))
        \#(build)
            \#(Kit.comment(&r, 1, ["second pass: find the complement", "now look for target - x"]))
        \#(loop)
        \#(lookup)
            return \#(none)
        """#
        return SolutionDraft(template: "two_sum/two_pass", blocks: [head + "\n" + body])
    }

    private static let twoSumTwoPointers: Template = { r in
        let head = twoSumHead(&r, ["Sort (value, index) pairs and close in from both ends.", "Two pointers over the sorted values."])
        let none = notFound(&r)
        let byIndex = r.chance(0.4)
        let prepare = byIndex
            ? "    $pairs = sorted(range(len($nums)), key=lambda $i: $nums[$i])"
            : r.pick(["    $pairs = sorted(($x, $i) for $i, $x in enumerate($nums))",
                      "    $pairs = sorted([($nums[$i], $i) for $i in range(len($nums))])"])
        let value = { (side: String) in byIndex ? "$nums[$pairs[\(side)]]" : "$pairs[\(side)][0]" }
        let index = { (side: String) in byIndex ? "$pairs[\(side)]" : "$pairs[\(side)][1]" }
        let pointers = r.chance(0.5) ? "    $lo, $hi = 0, len($pairs) - 1" : "    ~ $lo = 0\n    ~ $hi = len($pairs) - 1"
        let step = r.chance(0.5)
            ? "        if $s < $target:\n            $lo += 1\n        else:\n            $hi -= 1"
            : "        elif $s < $target:\n            $lo += 1\n        else:\n            $hi -= 1"
        let answer = r.pick(["sorted([\(index("$lo")), \(index("$hi"))])", "[min(\(index("$lo")), \(index("$hi"))), max(\(index("$lo")), \(index("$hi")))]"])
        let sum = r.chance(0.6)
            ? "        $s = \(value("$lo")) + \(value("$hi"))"
            : "        $x, $y = \(value("$lo")), \(value("$hi"))\n        $s = $x + $y"
        let body = #"""
        \#(twoSumValidation(&r, none))
        \#(prepare)
        \#(pointers)
            while $lo < $hi:
        \#(sum)
                if $s == $target:
                    return \#(answer)
        \#(step)
            return \#(none)
        """#
        return SolutionDraft(template: "two_sum/two_pointers", blocks: [head + "\n" + body])
    }

    private static let twoSumBisect: Template = { r in
        let head = twoSumHead(&r, ["Binary-search the complement among the sorted values.", "Sort, then bisect for target - x."])
        let none = notFound(&r)
        let qualified = r.chance(0.5)
        let search = qualified ? "bisect.bisect_left" : "bisect_left"
        let keys = r.chance(0.5) ? "    $keys = [$p[0] for $p in $pairs]" : "    $keys = [$x for $x, _ in $pairs]"
        let loop = r.chance(0.5)
            ? "    for $lo, ($x, $i) in enumerate($pairs):"
            : "    for $lo in range(len($pairs)):\n        $x, $i = $pairs[$lo]"
        let usesNeed = r.chance(0.5)
        let need = usesNeed ? "$need" : "$target - $x"
        let body = #"""
        \#(twoSumValidation(&r, none))
            $pairs = sorted(($x, $i) for $i, $x in enumerate($nums))
        \#(keys)
        \#(loop)
                \#(usesNeed ? "$need = $target - $x" : "")
                $hi = \#(search)($keys, \#(need), $lo + 1)
                if $hi < len($keys) and $keys[$hi] == \#(need):
                    return sorted([$i, $pairs[$hi][1]])
            return \#(none)
        """#
        return SolutionDraft(template: "two_sum/bisect", imports: [qualified ? "import bisect" : "from bisect import bisect_left"],
                             blocks: [head + "\n" + body])
    }
}
