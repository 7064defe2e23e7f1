import Foundation
import XCTest

/// Every command's help reads well on an 80-column terminal. ArgumentParser wraps a line wider
/// than the terminal at its width, to column 0: a paragraph written as one line wraps cleanly, but a
/// hand-wrapped paragraph with a line over 80 columns, or an indented example, breaks into ragged
/// fragments. Rendered unbounded, a discussion line over 80 columns must therefore be a whole
/// paragraph, not indented.
final class HelpTextTests: XCTestCase {
    func testEveryCommandsDiscussionWrapsCleanlyAtEightyColumns() throws {
        var pending: [[String]] = [[]]
        var checked = 0
        while let command = pending.popLast() {
            let wide = try help(command, columns: 100_000)
            let lines = discussion(of: wide)
            for (index, line) in lines.enumerated() where line.count > 80 {
                let alone = (index == 0 || lines[index - 1].isEmpty) && (index == lines.count - 1 || lines[index + 1].isEmpty)
                XCTAssertTrue(alone && line.first != " ", "tenet \(command.joined(separator: " ")) --help: \(line)")
            }
            pending += subcommands(in: wide).map { command + [$0] }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20, "every command and subcommand is reached from `tenet --help`")
    }

    private func help(_ command: [String], columns: Int) throws -> String {
        let outcome = try TenetProcess.run(command + ["--help"], environment: ["COLUMNS": String(columns)])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        return outcome.standardOutput
    }

    /// The text between the overview's paragraph and `USAGE:`: what the command's author wrapped.
    private func discussion(of help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: ""), let end = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }), start < end else { return [] }
        return Array(lines[start..<end])
    }

    /// The names listed under `SUBCOMMANDS:`, each indented by two spaces (`inventory (default)`).
    private func subcommands(in help: String) -> [String] {
        guard let section = help.range(of: "\nSUBCOMMANDS:\n") else { return [] }
        let block = help[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
        return block.compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
            return name == "help" ? nil : String(name)
        }
    }
}
