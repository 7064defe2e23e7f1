/// The exit codes of every `tenet` command, declared once.
///
/// CI systems read only this number, so it must mean the same thing everywhere: 0 nothing to
/// report, 1 the input was read and something failed (a violation, a failing test), 2 the input or
/// the command line could not be used at all.
public enum ExitStatus: Int32, Sendable, Error {
    case ok = 0
    case failuresFound = 1
    case usageOrInputError = 2

    /// The status of a run that found `failures` and could not read `inputErrors` inputs.
    public static func of(failures: Bool, inputErrors: Bool) -> ExitStatus {
        if inputErrors { return .usageOrInputError }
        return failures ? .failuresFound : .ok
    }
}
