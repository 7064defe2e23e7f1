import TenetDocument
import XCTest

/// The diagnostic `body` throws; fails the test when it throws nothing or something else.
func expectDiagnostic(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
    do {
        try body()
    } catch let diagnostic as Diagnostic {
        return diagnostic
    } catch {
        XCTFail("expected a Diagnostic, got \(error)", file: file, line: line)
        return nil
    }
    XCTFail("expected a Diagnostic, nothing was thrown", file: file, line: line)
    return nil
}
