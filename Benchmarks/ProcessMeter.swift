import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// CPU time and resident memory of this process and of others. The platform-specific reads
/// (`/proc`, clock ids) live here and nowhere else in the benchmarks.
enum ProcessMeter {
    /// CPU time (user + system) of every thread of this process, in nanoseconds.
    static func processCPUNanoseconds() -> UInt64 {
        cpuNanoseconds(CLOCK_PROCESS_CPUTIME_ID)
    }

    /// CPU time of the calling thread, in nanoseconds.
    static func threadCPUNanoseconds() -> UInt64 {
        cpuNanoseconds(CLOCK_THREAD_CPUTIME_ID)
    }

    private static func cpuNanoseconds(_ clock: clockid_t) -> UInt64 {
        var time = timespec()
        guard clock_gettime(clock, &time) == 0 else { return 0 }
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// This process's resident set size in bytes (`VmRSS`); nil where `/proc` does not exist (macOS).
    static func residentBytes() -> UInt64? {
        #if os(Linux)
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ UInt64($0) }) else { return nil }
        return kilobytes * 1024
        #else
        return nil
        #endif
    }

    /// Another process's user + system CPU time in seconds, from fields 14 and 15 of `/proc/PID/stat`;
    /// nil where `/proc` does not exist or the process is gone.
    static func cpuSeconds(pid: Int32) -> Double? {
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // The command name in parentheses may hold spaces, so fields are counted after its closing parenthesis:
        // there field 3 (state) comes first, which makes utime and stime the 12th and 13th.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
        #else
        return nil
        #endif
    }

    /// The process exists and is not a zombie waiting to be reaped.
    static func isAlive(pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
        #else
        return true
        #endif
    }

    /// A process's command name (`/proc/PID/comm`), to tell the dashboard from the shell that started it.
    static func commandName(pid: Int32) -> String? {
        #if os(Linux)
        return (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        #else
        return nil
        #endif
    }

    /// The direct children of a process (Linux 3.5+ `children` files, one per thread).
    static func children(pid: Int32) -> [Int32] {
        #if os(Linux)
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task -> [Int32] in
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
            return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        #else
        return []
        #endif
    }
}
