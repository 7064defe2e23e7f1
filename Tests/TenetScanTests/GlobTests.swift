import TenetScan
import XCTest

final class GlobTests: XCTestCase {
    func testWildcardsMatchAnyRunAndOneCharacter() {
        let cases: [(pattern: String, text: String, matches: Bool)] = [
            ("S3_BUCKET_LOGGING_ENABLED", "S3_BUCKET_LOGGING_ENABLED", true),
            ("S3_BUCKET_LOGGING_ENABLED", "S3_BUCKET_LOGGING_ENABLED_X", false),
            ("S3_*", "S3_BUCKET_LOGGING_ENABLED", true),
            ("S3_*", "XS3_BUCKET", false),
            ("*_ENABLED", "S3_BUCKET_LOGGING_ENABLED", true),
            ("S3_*_PUBLIC_*", "S3_BUCKET_PUBLIC_READ_PROHIBITED", true),
            ("S3_*_PUBLIC_*", "S3_BUCKET_LOGGING_ENABLED", false),
            ("templates/*#Bucket", "templates/app/web.yaml#Bucket", true),
            ("templates/*#Bucket", "templates/web.yaml#BucketPolicy", false),
            ("arn:aws:s3:::logs-?", "arn:aws:s3:::logs-1", true),
            ("arn:aws:s3:::logs-?", "arn:aws:s3:::logs-12", false),
            ("a*b*c", "axxbyybzzc", true),
            ("a*b*c", "axxbyybzz", false),
            ("*", "", true),
            ("**", "anything", true),
        ]
        for (pattern, text, matches) in cases {
            XCTAssertEqual(Glob(pattern).matches(text), matches, "\(pattern) ~ \(text)")
        }
    }

    func testAPathologicalPatternStaysFast() {
        let text = String(repeating: "a", count: 10_000)
        let pattern = String(repeating: "a*", count: 50) + "b"
        XCTAssertFalse(Glob(pattern).matches(text))
    }
}
