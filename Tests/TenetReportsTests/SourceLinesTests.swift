import Testing
import TenetInventory
@testable import TenetReports

@Suite struct SourceLinesTests {
    @Test func readsLinesRelativeToTheBaseDirectory() {
        let sources = SourceLines(baseDirectory: TestPaths.fixtures.path)
        #expect(sources.line(30, of: "templates/storage.yaml") == "      PubliclyAccessible: true")
        #expect(sources.line(30, of: TestPaths.fixtures.appending(path: "templates/storage.yaml").path) == "      PubliclyAccessible: true")
        #expect(sources.line(999, of: "templates/storage.yaml") == nil)
        #expect(sources.line(1, of: "templates/missing.yaml") == nil)
    }

    @Test(arguments: [
        ("      MasterUserPassword: \"hunter2\"", "      MasterUserPassword: \(SecretRedaction.marker)"),
        ("  - ClientSecret: abc", "  - ClientSecret: \(SecretRedaction.marker)"),
        ("    \"AuthToken\": \"t0k3n\",", "    \"AuthToken\": \(SecretRedaction.marker),"),
        ("      MasterUserPassword: !Ref DatabasePassword", "      MasterUserPassword: !Ref DatabasePassword"),
        ("      MasterUserPassword:", "      MasterUserPassword:"),
        ("      PasswordPolicy: strict", "      PasswordPolicy: strict"),
        ("      PubliclyAccessible: true", "      PubliclyAccessible: true"),
        ("      MasterUserPassword: {\"Ref\": \"DatabasePassword\"}", "      MasterUserPassword: {\"Ref\": \"DatabasePassword\"}"),
        ("{\"Engine\":\"mysql\",\"MasterUserPassword\":\"hun,ter2\",\"Port\":3306}", "{\"Engine\":\"mysql\",\"MasterUserPassword\":\(SecretRedaction.marker),\"Port\":3306}"),
        ("  Credentials: {ClientSecret: abc, Name: x}", "  Credentials: {ClientSecret: \(SecretRedaction.marker), Name: x}"),
        ("  Description: \"no secret here\"", "  Description: \"no secret here\""),
    ])
    func redactsSecretNamedValues(_ line: String, _ shown: String) {
        #expect(SourceLines.redactingSecretValue(line) == shown)
    }
}
