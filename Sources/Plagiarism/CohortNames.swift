/// The names authors give things. Every placeholder a template uses draws from its pool;
/// one without a pool gets a variation of its own spelling. Pools avoid builtins, so a
/// rename never turns a name into one the normalizer keeps.
enum CohortNames {
    static let pools: [String: [String]] = [
        // two_sum
        "nums": ["nums", "numbers", "values", "arr", "data", "xs", "items", "lst", "array", "seq"],
        "target": ["target", "goal", "wanted", "total", "want", "k"],
        "i": ["i", "idx", "index", "pos", "p", "a_idx"],
        "j": ["j", "jdx", "other", "q", "k2", "b_idx"],
        "x": ["x", "value", "val", "num", "item", "current", "v", "elem"],
        "y": ["y", "second", "rhs", "w", "other_val"],
        "seen": ["seen", "lookup", "index_of", "positions", "visited", "cache", "table", "memo"],
        "need": ["need", "complement", "diff", "rest", "remaining", "missing", "delta"],
        "n": ["n", "size", "length", "count_", "total_len", "m"],
        "lo": ["lo", "left", "l", "start", "low", "head"],
        "hi": ["hi", "right", "r", "end", "high", "tail"],
        "pairs": ["pairs", "indexed", "ordered", "decorated", "by_value", "sorted_pairs"],
        "s": ["s", "total_", "acc", "current_sum", "cur", "sm"],
        // word_frequencies
        "text": ["text", "document", "content", "raw", "passage", "body", "txt"],
        "top": ["n", "top", "limit", "how_many", "k", "count_"],
        "words": ["words", "tokens", "parts", "terms", "pieces", "wordlist"],
        "word": ["word", "w", "token", "term", "piece", "t"],
        "counts": ["counts", "freq", "frequencies", "tally", "histogram", "occurrences", "counter"],
        "ranked": ["ranked", "ordered", "result", "by_count", "sorted_words", "best"],
        "ch": ["ch", "c", "char", "letter", "symbol"],
        "buf": ["buf", "current", "chars", "building", "acc_word", "partial"],
        "clean": ["clean", "normalize", "tidy", "strip_word", "canonical", "simplify"],
        "clean_key": ["sort_key", "rank_key", "by_count", "order_key", "key_fn", "ranking"],
        "pair": ["pair", "entry", "kv", "p", "record", "row"],
        // is_balanced
        "stack": ["stack", "pending", "opened", "st", "open_brackets", "history"],
        "matching": ["matching", "pairs_of", "closers", "opener_for", "partner", "match_of"],
        "expected": ["expected", "closing_needed", "want_close", "needed", "closer"],
        "opening": ["opening", "openers", "left_side", "opens"],
        "closing": ["closing", "closers_str", "right_side", "closes"],
        "prev": ["prev", "before", "last", "old", "previous"],
        "top_char": ["top_char", "last_open", "popped", "head_char", "tos"],
        // merge_intervals
        "intervals": ["intervals", "ranges", "spans", "segments", "periods", "meetings"],
        "merged": ["merged", "result", "out", "combined", "output", "res"],
        "start": ["start", "begin", "lo_", "a", "s0", "first"],
        "end": ["end", "finish", "hi_", "b", "e0", "last_end"],
        "cur": ["cur", "current", "interval", "span", "seg", "item_"],
        "events": ["events", "points", "marks", "boundaries", "sweep"],
        "depth": ["depth", "open_count", "active", "level", "nesting"],
        "ordered": ["ordered", "by_start", "sorted_intervals", "srt", "arranged"],
        // run_length
        "encoded": ["encoded", "out", "parts", "pieces", "result", "chunks"],
        "run": ["run", "count_", "streak", "times", "length_", "reps"],
        "digits": ["digits", "number", "num_buf", "amount", "count_str"],
        "decoded": ["decoded", "out", "expanded", "result", "restored", "chars_out"],
        "key": ["key", "letter", "ch", "char", "symbol"],
        "group": ["group", "grp", "g", "chunk", "block"],
        // shared helpers and harness
        "helper": ["helper", "check", "is_match", "matches", "test_pair", "ok"],
        "args": ["args", "argv", "params", "inputs"],
        "line": ["line", "row", "raw_line", "entry_line"],
        "answer": ["answer", "result", "res", "output", "out_value", "solution"],
        "cases": ["cases", "examples", "tests", "samples", "checks"],
        "case": ["case", "example", "sample", "test", "c"],
        "expect": ["expect", "expected_out", "want", "wanted", "truth"],
        "got": ["got", "actual", "observed", "result", "outcome"],
    ]

    /// A name for `placeholder` not in `taken`, different from `avoid` when possible.
    static func pick(_ placeholder: String, taken: Set<String>, avoid: String? = nil, _ random: inout SplitMix64) -> String {
        var pool = pools[placeholder] ?? variations(of: placeholder)
        pool.removeAll { taken.contains($0) || $0 == avoid }
        if let choice = pool.isEmpty ? nil : random.pick(pool) { return choice }
        var suffix = 2
        while taken.contains("\(placeholder)\(suffix)") || "\(placeholder)\(suffix)" == avoid { suffix += 1 }
        return "\(placeholder)\(suffix)"
    }

    static func variations(of name: String) -> [String] {
        [name, name + "_", "my_" + name, name + "_val", "the_" + name, "_" + name]
    }

    /// Binds every placeholder of `program` to a distinct name; with `previous`, each gets a
    /// name different from its old one (a copier's rename).
    static func bind(_ program: inout CohortProgram, renaming previous: [String: String]? = nil, _ random: inout SplitMix64) {
        var names: [String: String] = [:]
        var taken: Set<String> = []
        for placeholder in program.placeholders.sorted() {
            let name = pick(placeholder, taken: taken, avoid: previous?[placeholder], &random)
            names[placeholder] = name
            taken.insert(name)
        }
        program.names = names
    }
}
