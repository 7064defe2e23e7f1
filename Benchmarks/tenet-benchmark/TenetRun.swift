import Foundation

/// One run of the `tenet` binary as a user would see it: the child's wall time, and the CPU time
/// (user + system) and peak resident memory of that child alone. CPU time is printed beside wall
/// time because on a machine shared with other work the wall time says as much about the
/// neighbours as about tenet.
struct TenetRun {
    let seconds: Double
    let cpuSeconds: Double
    let peakMB: Int

    /// The `tenet` binary named on the command line, else the one beside this benchmark; exits
    /// with a hint when there is none.
    static func binary(_ named: String?) -> String {
        let tenet = named ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "tenet").path
        guard FileManager.default.isExecutableFile(atPath: tenet) else {
            print("no tenet binary at \(tenet); build it first: swift build -c release --static-swift-stdlib")
            exit(2)
        }
        return tenet
    }

    /// Runs `tenet` with `arguments`, its standard output and error discarded.
    static func measure(_ tenet: String, _ arguments: [String]) -> TenetRun {
        var pid: pid_t = 0
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArguments = ([tenet] + arguments).map { strdup($0) } + [nil]
        let start = ContinuousClock.now
        posix_spawn(&pid, tenet, &actions, nil, cArguments, environ)
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let elapsed = ContinuousClock.now - start
        cArguments.forEach { free($0) }
        posix_spawn_file_actions_destroy(&actions)
        let cpu = [usage.ru_utime, usage.ru_stime].reduce(0.0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
        return TenetRun(
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, cpuSeconds: cpu,
            peakMB: Int(usage.ru_maxrss / 1024))
    }

    /// How a duration is printed: seconds for the corpora, milliseconds for a first answer.
    enum Unit {
        case seconds, milliseconds

        func format(_ seconds: Double) -> String {
            switch self {
            case .seconds: String(format: "%.2f s", seconds)
            case .milliseconds: String(format: "%.0f ms", seconds * 1000)
            }
        }
    }

    /// `count` runs of `tenet` with `arguments`, and the median's figures: `2.04 s wall (median
    /// of 5; best 1.93 s), 3.77 s CPU, peak RSS 256 MB; host stole 1.4% of CPU time`. One run
    /// says little on a shared host; the best says what the machine can do when left alone.
    static func median(of count: Int, _ tenet: String, _ arguments: [String], in unit: Unit = .seconds) -> String {
        let steal = HostSteal()
        let runs = (0..<count).map { _ in measure(tenet, arguments) }.sorted { $0.seconds < $1.seconds }
        let median = runs[runs.count / 2]
        return "\(unit.format(median.seconds)) wall (median of \(count); best \(unit.format(runs[0].seconds))), "
            + "\(unit.format(median.cpuSeconds)) CPU, peak RSS \(median.peakMB) MB\(steal.share.map { "; \($0)" } ?? "")"
    }

    /// `5.46 s wall, 7.39 s CPU, peak RSS 241 MB`.
    var figures: String {
        "\(String(format: "%.2f", seconds)) s wall, \(String(format: "%.2f", cpuSeconds)) s CPU, peak RSS \(peakMB) MB"
    }
}
