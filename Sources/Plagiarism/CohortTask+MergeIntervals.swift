extension CohortTask {
    /// Merge intervals. Sort and extend the last merged interval, sort and carry the current
    /// start and end, sort and absorb with an inner loop, a sweep over open and close
    /// events, and a stack.
    static let mergeIntervals = CohortTask(
        name: "merge_intervals",
        header: #"""
        """Merge intervals: merge overlapping [start, end] intervals."""
        import sys
        """#,
        reader: #"""
        def read_input():
            intervals = []
            for line in sys.stdin:
                if line.strip():
                    start, end = map(int, line.split())
                    intervals.append([start, end])
            return intervals
        """#,
        readerVariants: [
            { _ in #"""
            def read_input():
                $intervals = []
                for $line in sys.stdin.read().splitlines():
                    $args = $line.split()
                    if len($args) == 2:
                        $intervals.append([int($args[0]), int($args[1])])
                return $intervals
            """# },
        ],
        stubs: [#"""
        def merge(intervals):
            # TODO: return the merged intervals, sorted by start
            pass
        """#],
        main: #"""
        if __name__ == "__main__":
            for start, end in merge(read_input()):
                print(start, end)
        """#,
        mainVariants: [
            { r in #"""
            def main():
                $merged = merge(read_input())
                \#(r.pick(["print($merged)", "for $cur in $merged:\n        print(*$cur)"]))

            if __name__ == "__main__":
                main()
            """# },
        ],
        examples: [
            "assert merge([[1, 3], [2, 6], [8, 10]]) == [[1, 6], [8, 10]]",
            "assert merge([[1, 4], [4, 5]]) == [[1, 5]]",
            "assert merge([]) == []",
        ],
        templates: [mergeLast, mergeCarry, mergeInnerLoop, mergeSweep, mergeStack]
    )

    private static func mergeHead(_ r: inout SplitMix64, _ docs: [String]) -> String {
        Kit.signature(&r, "merge", [("$intervals", "list[list[int]]")], returns: "list[list[int]]", hinted: r.chance(0.25))
            + "\n" + Kit.docstring(&r, 1, docs)
    }

    private static func mergeGuard(_ r: inout SplitMix64) -> String {
        switch r.below(5) {
        case 0: return "    if not $intervals:\n        return []"
        case 1: return "    if len($intervals) == 0:\n        return []"
        case 2: return "    if len($intervals) < 2:\n        return [list($cur) for $cur in $intervals]"
        default: return ""
        }
    }

    private static func sortedIntervals(_ r: inout SplitMix64, into name: String) -> String {
        r.pick(["    \(name) = sorted($intervals, key=lambda $cur: $cur[0])",
                "    \(name) = sorted($intervals)",
                "    \(name) = sorted($intervals, key=lambda $cur: ($cur[0], $cur[1]))",
                "    $intervals.sort(key=lambda $cur: $cur[0])\n    \(name) = $intervals",
                "    \(name) = sorted([list($cur) for $cur in $intervals])"])
    }

    /// `max(a, b)` or an explicit comparison, assigning to `target`.
    private static func widen(_ r: inout SplitMix64, _ target: String, _ candidate: String, depth: Int) -> String {
        let pad = Kit.pad(depth)
        return r.chance(0.6) ? "\(pad)\(target) = max(\(target), \(candidate))" : "\(pad)if \(candidate) > \(target):\n\(pad)    \(target) = \(candidate)"
    }

    private static let mergeLast: Template = { r in
        let head = mergeHead(&r, ["Sort by start, then extend or append.", "Merge overlapping intervals."])
        let sort = sortedIntervals(&r, into: "$ordered")
        let loop = r.chance(0.5)
            ? #"""
                if not $ordered:
                    return []
                $merged = [list($ordered[0])]
                for $cur in $ordered[1:]:
                    if $cur[0] <= $merged[-1][1]:
            \#(widen(&r, "$merged[-1][1]", "$cur[1]", depth: 3))
                    else:
                        $merged.append(list($cur))
                return $merged
            """#
            : #"""
                $merged = []
                for $cur in $ordered:
                    if not $merged or $merged[-1][1] < $cur[0]:
                        $merged.append(\#(r.pick(["list($cur)", "[$cur[0], $cur[1]]"])))
                    else:
            \#(widen(&r, "$merged[-1][1]", "$cur[1]", depth: 3))
                return $merged
            """#
        let body = #"""
        \#(mergeGuard(&r))
        \#(sort)
            \#(Kit.comment(&r, 1, ["overlapping intervals are now adjacent", "after sorting only the last merged interval can overlap"]))
        \#(loop)
        """#
        return SolutionDraft(template: "merge_intervals/last", blocks: [head + "\n" + body])
    }

    private static let mergeCarry: Template = { r in
        let head = mergeHead(&r, ["Carry the current interval while the next ones overlap.", "Sweep sorted intervals."])
        let sort = sortedIntervals(&r, into: "$ordered")
        let pair = r.chance(0.7) ? "[$start, $end]" : "($start, $end)"
        let first = r.chance(0.5) ? "    $start, $end = $ordered[0]" : "    ~ $start = $ordered[0][0]\n    ~ $end = $ordered[0][1]"
        let loop = r.chance(0.6)
            ? "    for $x, $y in $ordered[1:]:"
            : "    for $cur in $ordered[1:]:\n        $x, $y = $cur"
        let body = #"""
            if not $intervals:
                return []
        \#(sort)
            $merged = []
        \#(first)
        \#(loop)
                if $x <= $end:
        \#(widen(&r, "$end", "$y", depth: 3))
                else:
                    $merged.append(\#(pair))
                    $start, $end = $x, $y
            $merged.append(\#(pair))
            return $merged
        """#
        return SolutionDraft(template: "merge_intervals/carry", blocks: [head + "\n" + body])
    }

    private static let mergeInnerLoop: Template = { r in
        let head = mergeHead(&r, ["Absorb following intervals with an inner loop.", "Index-based merge."])
        let sort = sortedIntervals(&r, into: "$ordered")
        let usesLength = r.chance(0.5)
        let length = usesLength ? "$n" : "len($ordered)"
        let body = #"""
        \#(mergeGuard(&r))
        \#(sort)
            ~ $merged = []
            ~ $i = 0
            \#(usesLength ? "~ $n = len($ordered)" : "")
            while $i < \#(length):
                $start, $end = $ordered[$i]
                $j = $i + 1
                while $j < \#(length) and $ordered[$j][0] <= $end:
        \#(widen(&r, "$end", "$ordered[$j][1]", depth: 3))
                    $j += 1
                $merged.append([$start, $end])
                $i = $j
            return $merged
        """#
        return SolutionDraft(template: "merge_intervals/inner_loop", blocks: [head + "\n" + body])
    }

    private static let mergeSweep: Template = { r in
        let head = mergeHead(&r, ["Sweep over open and close events.", "Count open intervals along the line."])
        let collect = r.chance(0.5)
            ? "    $events = []\n    for $start, $end in $intervals:\n        $events.append(($start, 0))\n        $events.append(($end, 1))"
            : "    $events = [($start, 0) for $start, _ in $intervals] + [($end, 1) for _, $end in $intervals]"
        let sort = r.chance(0.6) ? "    $events.sort()" : "    $events = sorted($events)"
        let body = #"""
        \#(mergeGuard(&r))
        \#(collect)
            \#(Kit.comment(&r, 1, ["opens sort before closes at the same point, so touching intervals merge", "0 = open, 1 = close"]))
        \#(sort)
            ~ $merged = []
            ~ $depth = 0
            for $x, $y in $events:
                if $y == 0:
                    if $depth == 0:
                        $start = $x
                    $depth += 1
                else:
                    $depth -= 1
                    if $depth == 0:
                        $merged.append([$start, $x])
            return $merged
        """#
        return SolutionDraft(template: "merge_intervals/sweep", blocks: [head + "\n" + body])
    }

    private static let mergeStack: Template = { r in
        let head = mergeHead(&r, ["Stack of merged intervals.", "Push, or pop and widen."])
        let widen = r.chance(0.5)
            ? "            $x = $stack.pop()\n            $stack.append([$x[0], max($x[1], $cur[1])])"
            : "            $stack[-1] = [$stack[-1][0], max($stack[-1][1], $cur[1])]"
        let body = #"""
        \#(mergeGuard(&r))
            $stack = []
            for $cur in sorted($intervals\#(r.chance(0.5) ? "" : ", key=lambda $x: $x[0]")):
                if $stack and $stack[-1][1] >= $cur[0]:
        \#(widen)
                else:
                    $stack.append(\#(r.pick(["list($cur)", "[$cur[0], $cur[1]]"])))
            return $stack
        """#
        return SolutionDraft(template: "merge_intervals/stack", blocks: [head + "\n" + body])
    }
}
