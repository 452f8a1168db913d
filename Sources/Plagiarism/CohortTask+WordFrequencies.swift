extension CohortTask {
    /// Word frequencies: the n most frequent words, ties alphabetical. Dictionary with
    /// `get`, `Counter`, `defaultdict` with a hand-written tokenizer, heap selection, and
    /// counting runs of sorted words.
    static let wordFrequencies = CohortTask(
        name: "word_frequencies",
        header: #"""
        """Word frequencies: the n most frequent words of a text, with their counts."""
        import sys
        """#,
        reader: #"""
        def read_input():
            lines = sys.stdin.read().splitlines()
            n = int(lines[0])
            text = "\n".join(lines[1:])
            return text, n
        """#,
        readerVariants: [
            { _ in #"""
            def read_input():
                $top = int(sys.stdin.readline())
                $text = sys.stdin.read()
                return $text, $top
            """# },
        ],
        stubs: [#"""
        def top_words(text, n):
            # TODO: return [(word, count), ...], most frequent first, ties alphabetical
            pass
        """#],
        main: #"""
        if __name__ == "__main__":
            text, n = read_input()
            for word, count in top_words(text, n):
                print(word, count)
        """#,
        mainVariants: [
            { r in #"""
            def main():
                $text, $top = read_input()
                for $word, $got in top_words($text, $top):
                    \#(r.pick(["print(f\"{$word}: {$got}\")", "print($word, $got)", "print(\"%s %d\" % ($word, $got))"]))

            if __name__ == "__main__":
                main()
            """# },
        ],
        examples: [
            "assert top_words(\"a b a\", 1) == [(\"a\", 2)]",
            "assert top_words(\"The the cat\", 2) == [(\"the\", 2), (\"cat\", 1)]",
            "assert top_words(\"\", 3) == []",
            "assert top_words(\"b a\", 2) == [(\"a\", 1), (\"b\", 1)]",
        ],
        templates: [wordsDictionary, wordsCounter, wordsDefaultDict, wordsHeap, wordsSortedRuns]
    )

    private static func wordsHead(_ r: inout SplitMix64, _ docs: [String]) -> String {
        Kit.signature(&r, "top_words", [("$text", "str"), ("$top", "int")], returns: "list[tuple[str, int]]", hinted: r.chance(0.25))
            + "\n" + Kit.docstring(&r, 1, docs)
    }

    private static func wordsGuard(_ r: inout SplitMix64) -> String {
        switch r.below(4) {
        case 0: return "    if $top <= 0:\n        return []"
        case 1: return "    if not $text or $top < 1:\n        return []"
        default: return ""
        }
    }

    /// Splitting and cleaning words: by `split` and `strip`, or by a regular expression.
    private static func wordsSource(_ r: inout SplitMix64) -> (imports: [String], expression: String, cleans: Bool) {
        switch r.below(3) {
        case 0: return ([], "$text.lower().split()", true)
        case 1: return (["import re"], r.pick(["re.findall(r\"[a-z']+\", $text.lower())", "re.findall(r\"\\w+\", $text.lower())"]), false)
        default: return ([], "$text.split()", true)
        }
    }

    /// Ordering (word, count) pairs most frequent first, ties alphabetical, and cutting at
    /// n: one sort with a composite key (inline or in a helper), or two stable sorts.
    private static func ranking(_ r: inout SplitMix64, _ items: String) -> (lines: String, helper: String?) {
        let cut = r.chance(0.7) ? "$ranked[:$top]" : "[$ranked[$i] for $i in range(min($top, len($ranked)))]"
        switch r.below(4) {
        case 0, 1:
            return ("    $ranked = sorted(\(items), key=lambda $pair: (-$pair[1], $pair[0]))\n    return \(cut)", nil)
        case 2:
            let helper = "def $clean_key($pair):\n" + Kit.docstring(&r, 1, ["Most frequent first, then alphabetical.", "Sort key."])
                + "\n    return -$pair[1], $pair[0]"
            return ("    $ranked = sorted(\(items), key=$clean_key)\n    return \(cut)", helper)
        default:
            return ("    $ranked = sorted(\(items))\n    $ranked.sort(key=lambda $pair: $pair[1], reverse=True)\n    return \(cut)", nil)
        }
    }

    private static func withHelper(_ blocks: [String], _ helper: String?, _ r: inout SplitMix64) -> [String] {
        guard let helper else { return blocks }
        var result = blocks
        result.insert(helper, at: r.below(result.count + 1))
        return result
    }

    private static let wordsDictionary: Template = { r in
        let head = wordsHead(&r, ["Count words with a dict and sort by count, then word.", "Return the top n words and counts."])
        let source = wordsSource(&r)
        let clean = source.cleans
            ? r.pick(["        $word = $word.strip(\".,;:!?()\\\"'\").lower()\n        if not $word:\n            continue",
                      "        $word = $word.strip(\".,;:!?\").lower()\n        if $word == \"\":\n            continue"])
            : ""
        let increment: String
        switch r.below(3) {
        case 0: increment = "        $counts[$word] = $counts.get($word, 0) + 1"
        case 1: increment = "        if $word in $counts:\n            $counts[$word] += 1\n        else:\n            $counts[$word] = 1"
        default: increment = "        if $word not in $counts:\n            $counts[$word] = 0\n        $counts[$word] += 1"
        }
        let rank = ranking(&r, "$counts.items()")
        let body = #"""
        \#(wordsGuard(&r))
            $counts = \#(r.pick(["{}", "dict()"]))
            \#(Kit.comment(&r, 1, ["count every word", "word -> occurrences", "tally the words"]))
            for $word in \#(source.expression):
        \#(clean)
        \#(increment)
            \#(Kit.comment(&r, 1, ["most frequent first, then alphabetical", "sort by count descending"]))
        \#(rank.lines)
        """#
        return SolutionDraft(template: "word_frequencies/dict", imports: source.imports, blocks: withHelper([head + "\n" + body], rank.helper, &r))
    }

    private static let wordsCounter: Template = { r in
        let head = wordsHead(&r, ["Use collections.Counter.", "Most common words via Counter."])
        let source = wordsSource(&r)
        let words = source.cleans
            ? "    $words = [$word.strip(\".,;:!?()\\\"'\").lower() for $word in \(source.expression)]\n    $words = [$word for $word in $words if $word]"
            : "    $words = \(source.expression)"
        let qualified = r.chance(0.4)
        let counter = qualified ? "collections.Counter" : "Counter"
        let counting = r.chance(0.7)
            ? "    $counts = \(counter)($words)"
            : "    $counts = \(counter)()\n    for $word in $words:\n        $counts[$word] += 1"
        let rank = ranking(&r, r.pick(["$counts.items()", "$counts.most_common()"]))
        let body = #"""
        \#(wordsGuard(&r))
        \#(words)
        \#(counting)
            \#(Kit.comment(&r, 1, ["Counter.most_common breaks ties by first occurrence, so sort again", "ties must be alphabetical"]))
        \#(rank.lines)
        """#
        return SolutionDraft(template: "word_frequencies/counter",
                             imports: source.imports + [qualified ? "import collections" : "from collections import Counter"],
                             blocks: withHelper([head + "\n" + body], rank.helper, &r))
    }

    private static let wordsDefaultDict: Template = { r in
        let head = wordsHead(&r, ["Tokenize by hand, count with a defaultdict.", "Top-n words."])
        let test = r.pick(["$ch.isalpha() or $ch == \"'\"", "$ch.isalnum()", "$ch.isalpha()", "\"a\" <= $ch <= \"z\""])
        let buffer = r.chance(0.5)
        let flush = buffer ? "\"\".join($buf)" : "$buf"
        let tokenizer = #"""
        def $clean($text):
            \#(Kit.docstring(&r, 0, ["Split text into lowercase words.", "Letters make words; anything else separates them."]))
            ~ $words = []
            ~ $buf = \#(buffer ? "[]" : "\"\"")
            for $ch in $text\#(r.chance(0.6) ? ".lower()" : ""):
                if \#(test):
                    \#(buffer ? "$buf.append($ch)" : "$buf += $ch")
                elif $buf:
                    $words.append(\#(flush)\#(r.chance(0.4) ? ".lower()" : ""))
                    $buf = \#(buffer ? "[]" : "\"\"")
            if $buf:
                $words.append(\#(flush))
            return $words
        """#
        let rank = r.chance(0.4)
            ? ("    $ranked = sorted($counts, key=lambda $word: (-$counts[$word], $word))\n    return [($word, $counts[$word]) for $word in $ranked[:$top]]", nil)
            : ranking(&r, "$counts.items()")
        let counting = r.chance(0.6)
            ? "    $counts = defaultdict(int)\n    for $word in $clean($text):\n        $counts[$word] += 1"
            : "    $counts = defaultdict(int)\n    $words = $clean($text)\n    for $word in $words:\n        $counts[$word] = $counts[$word] + 1"
        let main = #"""
        \#(wordsGuard(&r))
        \#(counting)
        \#(rank.0)
        """#
        var blocks = [head + "\n" + main]
        blocks.insert(tokenizer, at: r.below(2))
        return SolutionDraft(template: "word_frequencies/defaultdict", imports: ["from collections import defaultdict"],
                             blocks: withHelper(blocks, rank.1, &r))
    }

    private static let wordsHeap: Template = { r in
        let head = wordsHead(&r, ["Select the top n with a heap.", "Heap-based top-n words."])
        let source = wordsSource(&r)
        let clean = source.cleans ? "        $word = $word.strip(\".,!?;:\").lower()\n        if not $word:\n            continue" : ""
        let select = r.chance(0.5)
            ? "    return heapq.nsmallest($top, $counts.items(), key=lambda $pair: (-$pair[1], $pair[0]))"
            : #"""
                $heap = [(-$got, $word) for $word, $got in $counts.items()]
                heapq.heapify($heap)
                $ranked = []
                \#(r.pick(["while $heap and len($ranked) < $top:", "for _ in range(min($top, len($heap))):"]))
                    $got, $word = heapq.heappop($heap)
                    $ranked.append(($word, -$got))
                return $ranked
            """#
        let increment = r.chance(0.5) ? "        $counts[$word] = $counts.get($word, 0) + 1" : "        if $word in $counts:\n            $counts[$word] += 1\n        else:\n            $counts[$word] = 1"
        let body = #"""
        \#(wordsGuard(&r))
            $counts = {}
            for $word in \#(source.expression):
        \#(clean)
        \#(increment)
            \#(Kit.comment(&r, 1, ["negative counts so the smallest is the most frequent", "heap of (-count, word)"]))
        \#(select)
        """#
        return SolutionDraft(template: "word_frequencies/heap", imports: source.imports + ["import heapq"], blocks: [head + "\n" + body])
    }

    private static let wordsSortedRuns: Template = { r in
        let head = wordsHead(&r, ["Sort the words, count runs of equal words.", "Counting by sorting."])
        let source = wordsSource(&r)
        let grouped = r.chance(0.5)
        let counting = grouped
            ? r.pick(["    $ranked = [($word, len(list($group))) for $word, $group in groupby($words)]",
                      "    $ranked = []\n    for $word, $group in groupby($words):\n        $ranked.append(($word, sum(1 for _ in $group)))"])
            : #"""
                $ranked = []
                $i = 0
                while $i < len($words):
                    $j = $i
                    while $j < len($words) and $words[$j] == $words[$i]:
                        $j += 1
                    $ranked.append(($words[$i], $j - $i))
                    $i = $j
            """#
        let order = r.chance(0.6)
            ? "    $ranked.sort(key=lambda $pair: (-$pair[1], $pair[0]))\n    return $ranked[:$top]"
            : "    $ranked.sort(key=lambda $pair: $pair[1], reverse=True)\n    return $ranked[:$top]"
        let body = #"""
        \#(wordsGuard(&r))
            $words = sorted(\#(source.expression))
            \#(Kit.comment(&r, 1, ["equal words are now adjacent", "runs of the same word"]))
        \#(counting)
        \#(order)
        """#
        return SolutionDraft(template: "word_frequencies/sorted_runs",
                             imports: source.imports + (grouped ? ["from itertools import groupby"] : []), blocks: [head + "\n" + body])
    }
}
