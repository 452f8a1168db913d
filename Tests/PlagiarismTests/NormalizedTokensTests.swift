import Testing
@testable import Plagiarism

@Suite struct NormalizedTokensTests {
    static let original = #"""
    import heapq


    def top(values, n):
        """Return the n largest values."""
        # keep a heap of the best ones
        heap = []
        for value in values:
            heapq.heappush(heap, value)
            if len(heap) > n:
                heapq.heappop(heap)
        return sorted(heap, reverse=True)
    """#

    @Test func renaming_reformatting_and_comments_do_not_change_tokens() {
        let disguised = """
        import heapq
        def top(numbers,k):
          best=[]   # renamed
          for x in numbers:
            heapq.heappush(best,
                           x)
            if len(best)>k:
              heapq.heappop(best)
          return sorted(best,reverse=True)
        """
        #expect(NormalizedTokens(source: disguised).symbols == NormalizedTokens(source: Self.original).symbols)
    }

    @Test func library_names_builtins_and_methods_keep_their_spelling() {
        // A rename cannot turn heapq into something else, so a different library call is a different program.
        let other = Self.original.replacingOccurrences("heapq.heappush(heap, value)", "heap.append(value)")
        #expect(NormalizedTokens(source: other).symbols != NormalizedTokens(source: Self.original).symbols)
        #expect(NormalizedTokens(source: "print(sorted(a))\n").symbols != NormalizedTokens(source: "print(reversed(a))\n").symbols)
        #expect(NormalizedTokens(source: "count = 1\nprint(count)\n").symbols == NormalizedTokens(source: "total = 1\nprint(total)\n").symbols)
        #expect(NormalizedTokens(source: "print(s.count(1))\n").symbols != NormalizedTokens(source: "print(s.total(1))\n").symbols)
    }

    @Test func moved_functions_and_swapped_assignments_normalize_alike() {
        let first = """
        def a(x):
            total = 0
            items = []
            for i in range(x):
                items.append(i)
            return items, total

        def b(y):
            return y * 2
        """
        let moved = """
        def b(z):
            return z * 2

        def a(w):
            items = []
            total = 0
            for i in range(w):
                items.append(i)
            return items, total
        """
        #expect(NormalizedTokens(source: moved).symbols == NormalizedTokens(source: first).symbols)
        // Control flow is never crossed: moving an assignment past a loop is a different program.
        let crossed = first.replacingOccurrences("    total = 0\n    items = []\n    for i in range(x):\n        items.append(i)\n",
                                                 "    items = []\n    for i in range(x):\n        items.append(i)\n    total = 0\n")
        #expect(crossed != first)
        #expect(NormalizedTokens(source: crossed).symbols != NormalizedTokens(source: first).symbols)
    }

    @Test func dead_code_is_dropped() {
        let padded = #"""
        import heapq


        def top(values, n):
            unused = 0
            debug = False
            heap = []
            if debug:
                print("heap", heap)
            for value in values:
                if False:
                    print("never")
                heapq.heappush(heap, value)
                for _ in range(0):
                    pass
                if len(heap) > n:
                    heapq.heappop(heap)
                    pass
            assert True
            return sorted(heap, reverse=True)
        """#
        #expect(NormalizedTokens(source: padded).symbols == NormalizedTokens(source: Self.original).symbols)
        // A flag that is really used, and an assignment that is read, stay.
        let live = "debug = True\nif debug:\n    print(1)\nx = 1\nprint(x)\n"
        #expect(NormalizedTokens(source: live).count == 17)
    }

    @Test func lines_follow_multiline_strings_and_continuations() {
        let source = "s = '''a\nb\nc'''\nt = f(1,\n      2)\nprint(s, t)\n"
        let tokens = NormalizedTokens(source: source)
        // t starts on line 4, and the 2 inside the call is on line 5.
        #expect(tokens.firstLines.contains(4))
        #expect(tokens.firstLines.contains(5) && tokens.lastLines.max() == 6)
        // The string token spans lines 1 to 3.
        #expect(zip(tokens.firstLines, tokens.lastLines).contains { $0 == 1 && $1 == 3 })
    }
}
