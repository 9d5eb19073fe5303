import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of an external plugin's program: the request written to its stdin, its stdout and
/// stderr collected (each up to a limit), and its whole process group stopped when it overruns
/// its time, is cancelled, or exits leaving helpers behind.
///
/// Foundation's `Process` starts the program as the leader of a process group of its own, so
/// `kill(-pid)` reaches every process the plugin started (a shell script's `sleep`, a Python
/// script's worker) and nothing of `campaign`'s.
final class PluginProcess: @unchecked Sendable {
    /// What the program printed and how it ended.
    struct Finished: Sendable {
        var status: Status
        var stdout: Data
        var stderr: Data
        /// True when stdout passed `outputLimit` (the reply was cut off and the program stopped).
        var overflowed: Bool
    }

    enum Status: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Stopped by `campaign`: its time was up (or the step was cancelled).
        case stopped
    }

    /// Why the program could not be started at all.
    struct LaunchFailure: Error, Sendable {
        var reason: String
    }

    static let outputLimit = 8 << 20
    static let errorLimit = 1 << 20
    /// What a fresh pipe takes without a reader (Linux: 64 KiB); a request this size is written at once.
    static let pipeBuffer = 60 << 10

    private let process = Process()
    private let lock = NSLock()
    private var stoppedOnPurpose = false

    /// `passing`: the caller's environment variables the definition gives the plugin (`env:`); it gets
    /// those, PATH, LANG, HOME and TMPDIR, and `environment` — none of the caller's other secrets.
    init(executable: URL, arguments: [String], directory: URL, environment: [String: String], passing: [String] = []) {
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = Self.environment(passing: passing, from: ProcessInfo.processInfo.environment)
            .merging(environment) { _, new in new }
    }

    /// What every plugin is given of the caller's environment, whatever its definition says.
    static let alwaysPassed = ["PATH", "LANG", "LC_ALL", "HOME", "TMPDIR"]

    /// The plugin's environment: `alwaysPassed` and the names asked for, where the caller has them.
    static func environment(passing names: [String], from caller: [String: String]) -> [String: String] {
        var environment: [String: String] = [:]
        for name in alwaysPassed + names { if let value = caller[name] { environment[name] = value } }
        if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        return environment
    }

    /// Runs the program to its end, blocking the calling thread; `limit` is a wall-clock cap.
    func runBlocking(input: Data?, limit: Duration) throws(LaunchFailure) -> Finished {
        let stdin = input == nil ? nil : Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin ?? FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { process in
            // Helpers the plugin left behind would hold its output open and outlive the step.
            kill(-process.processIdentifier, SIGKILL)
            exited.signal()
        }
        do {
            try process.run()
        } catch {
            throw LaunchFailure(reason: Self.launchReason(error, path: process.executableURL?.path ?? ""))
        }
        let pid = process.processIdentifier
        let timer = DispatchWorkItem { [self] in stop() }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit.seconds, execute: timer)
        defer { timer.cancel() }

        // Stopped (cancelled) before it started: stop it now.
        if wasStopped { kill(-pid, SIGKILL) }

        // stderr on a thread of its own; the request written and stdout read on this one (a request
        // that fits the pipe's buffer is written at once; a larger one gets a thread too).
        let errorRead = DispatchSemaphore(value: 0)
        let err = CaptureBox()
        Thread.detachNewThread {
            err.capture = Capture.drain(stderr.fileHandleForReading, limit: Self.errorLimit, onOverflow: nil)
            try? stderr.fileHandleForReading.close()
            errorRead.signal()
        }
        if let input, let stdin {
            if input.count <= Self.pipeBuffer {
                Self.write(input, to: stdin.fileHandleForWriting)
            } else {
                Thread.detachNewThread { Self.write(input, to: stdin.fileHandleForWriting) }
            }
        }
        let out = Capture.drain(stdout.fileHandleForReading, limit: Self.outputLimit) { self.stop() }
        try? stdout.fileHandleForReading.close()
        exited.wait()
        errorRead.wait()
        let status: Status
        if wasStopped {
            status = .stopped
        } else if process.terminationReason == .uncaughtSignal {
            status = .signalled(process.terminationStatus)
        } else {
            status = .exited(process.terminationStatus)
        }
        return Finished(status: status, stdout: out.data, stderr: err.capture.data, overflowed: out.overflowed)
    }

    /// Runs the program without holding a thread of Swift's cooperative pool; cancelling the
    /// calling task (a step's `timeout:`) stops the whole process group.
    func run(input: Data?, limit: Duration) async throws(LaunchFailure) -> Finished {
        let result: Result<Finished, LaunchFailure> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread { [self] in
                    do throws(LaunchFailure) {
                        continuation.resume(returning: .success(try runBlocking(input: input, limit: limit)))
                    } catch {
                        continuation.resume(returning: .failure(error))
                    }
                }
            }
        } onCancel: {
            stop()
        }
        return try result.get()
    }

    /// Kills the program and everything it started (its process group).
    func stop() {
        lock.lock()
        stoppedOnPurpose = true
        let running = process.isRunning
        let pid = running ? process.processIdentifier : 0
        lock.unlock()
        if pid > 0 { kill(-pid, SIGKILL) }
    }

    private var wasStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stoppedOnPurpose
    }

    /// Writes the request and closes stdin. A plugin that exits without reading it makes the
    /// write fail with EPIPE: SIGPIPE is blocked on this thread (and the pending one taken), so
    /// that never ends `campaign` itself.
    private static func write(_ data: Data, to handle: FileHandle) {
        var pipeSignal = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        do {
            try handle.write(contentsOf: data)
        } catch {
            var zero = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipeSignal, nil, &zero)
        }
        try? handle.close()
    }

    private static func launchReason(_ error: any Error, path: String) -> String {
        let nsError = error as NSError
        if nsError.code == NSFileNoSuchFileError || nsError.code == NSFileReadNoSuchFileError {
            return "\(path) does not exist"
        }
        if nsError.code == NSFileReadNoPermissionError || nsError.code == NSFileWriteNoPermissionError
            || access(path, X_OK) != 0 {
            return "\(path) is not executable (run: chmod +x \(path))"
        }
        return "\(path) could not be started: \(nsError.localizedDescription)"
    }
}

/// A capture handed from its reader thread to the waiting one (the semaphore orders the two).
private final class CaptureBox: @unchecked Sendable {
    var capture = Capture()
}

/// Bytes read from one of the program's pipes, up to a limit; the rest is read and dropped so
/// the program never blocks on a full pipe.
struct Capture {
    var data = Data()
    var overflowed = false

    static func drain(_ handle: FileHandle, limit: Int, onOverflow: (() -> Void)?) -> Capture {
        var capture = Capture()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            if capture.data.count + chunk.count > limit {
                capture.data.append(chunk.prefix(max(0, limit - capture.data.count)))
                if !capture.overflowed { onOverflow?() }
                capture.overflowed = true
            } else {
                capture.data.append(chunk)
            }
        }
        return capture
    }
}
