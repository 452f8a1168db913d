/// The Python names that keep their spelling after normalization. A rename refactoring
/// cannot change them (they are defined by the language or outside the submission), so
/// keeping them costs no robustness and separates a heap-based solution from a sorting one,
/// which `N ( N )` for every call could not.
enum PythonVocabulary {
    /// Hard keywords, including the three constants.
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    ]

    /// Built-in functions, types and exceptions that submissions call rather than define.
    static let builtins: Set<String> = [
        "abs", "all", "any", "bin", "bool", "bytes", "chr", "dict", "divmod", "enumerate",
        "filter", "float", "format", "frozenset", "getattr", "hasattr", "hash", "hex", "input",
        "int", "isinstance", "iter", "len", "list", "map", "max", "min", "next", "object", "open",
        "ord", "pow", "print", "range", "repr", "reversed", "round", "set", "setattr", "slice",
        "sorted", "str", "sum", "super", "tuple", "type", "zip", "self", "cls",
        "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "StopIteration",
        "__name__", "__main__", "__init__",
    ]

    /// Standard-library modules and their names that algorithmic submissions import.
    static let library: Set<String> = [
        "sys", "os", "re", "math", "heapq", "bisect", "collections", "itertools", "functools",
        "typing", "deque", "Counter", "defaultdict", "OrderedDict", "heappush", "heappop",
        "heapify", "nlargest", "nsmallest", "bisect_left", "bisect_right", "groupby",
        "lru_cache", "stdin", "stdout", "List", "Dict", "Tuple", "Optional", "Iterable",
    ]

    /// Methods of built-in types, kept only after a dot: `xs.append(x)` stays `N . append`,
    /// while a variable that happens to be called `count` is still a name.
    static let methods: Set<String> = [
        "append", "extend", "insert", "pop", "remove", "clear", "copy", "index", "count",
        "sort", "reverse", "items", "keys", "values", "get", "setdefault", "update", "add",
        "discard", "union", "intersection", "difference", "join", "split", "rsplit", "strip",
        "lstrip", "rstrip", "lower", "upper", "replace", "startswith", "endswith", "find",
        "isdigit", "isalpha", "isalnum", "isspace", "format", "most_common", "popleft",
        "appendleft", "read", "readline", "readlines", "write", "group", "findall", "sub",
        "match", "search", "fullmatch", "compile",
    ]
}
