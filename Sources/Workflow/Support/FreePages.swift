import Foundation

/// Hands the C allocator's free pages back to the system. glibc keeps freed memory in the arena of
/// the thread that allocated it, for that thread to reuse; memory freed in one arena and needed again
/// on another thread is allocated anew, and the process's resident size counts both. The server calls
/// this after a connection flood; an import after it shrinks SQLite's page cache to build its indexes.
public enum FreePages {
    /// `malloc_trim(0)`, looked up at run time: glibc's `malloc.h` is not part of Swift's Glibc module.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }  // RTLD_DEFAULT
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// Returns the allocator's free pages to the system; whether the C library could (false: no `malloc_trim`).
    @discardableResult
    public static func returnToSystem() -> Bool {
        guard let trim else { return false }
        _ = trim(0)
        return true
    }
}
