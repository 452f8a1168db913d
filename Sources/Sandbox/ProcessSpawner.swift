#if canImport(Glibc)
import Glibc
#endif

/// Starts the launcher with `posix_spawn`, handing it exactly the descriptors listed and
/// closing every other one: `Foundation.Process` leaks descriptors (a connected Unix
/// socket reached the child in our measurements), and bwrap passes whatever it inherits
/// into the box. The environment is only what the caller gives.
enum ProcessSpawner {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc 2.34+ has posix_spawn_file_actions_addclosefrom_np; the Swift module does
    /// not declare it, so it is looked up once.
    static let addCloseFrom: AddCloseFrom? = {
        guard let handle = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// `descriptors` maps a parent descriptor to the number the child sees; every
    /// number from `descriptors.count` up is closed in the child.
    static func spawn(path: String, arguments: [String], environment: [String], descriptors: [(Int32, Int32)]) -> Result<pid_t, SandboxError> {
        guard let addCloseFrom else {
            return .failure(.unavailable(reason: "the C library lacks posix_spawn_file_actions_addclosefrom_np (glibc 2.34+), so inherited descriptors cannot be closed"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (source, target) in descriptors {
            posix_spawn_file_actions_adddup2(&actions, source, target)
        }
        _ = addCloseFrom(&actions, Int32(descriptors.count))

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default dispositions and an empty mask: the server ignores SIGPIPE and may block
        // signals in its threads; the program must start as a fresh process would.
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = CStrings([path] + arguments)
        let envp = CStrings(environment)
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv.pointers, envp.pointers)
        return rc == 0 ? .success(pid) : .failure(.spawnFailed(command: path, errno: rc))
    }
}

/// A NULL-terminated array of C strings that lives as long as this value.
final class CStrings {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
