import Testing
import TenetDocument

/// RFC 6901 paths: the identity of a value in reports, fingerprints and history.
@Suite struct JSONPointerTests {
    @Test func keysEscapeTildeThenSlash() {
        let pointer = JSONPointer([.key("Resources"), .key("a/b~c"), .index(3), .key("~1")])
        #expect(pointer.description == "/Resources/a~1b~0c/3/~01")
    }

    @Test func parsingUndoesTheEscapes() {
        #expect(JSONPointer(parsing: "/a~1b~0c/~01") == JSONPointer([.key("a/b~c"), .key("~1")]))
        #expect(JSONPointer(parsing: "") == .root)
        #expect(JSONPointer(parsing: "/") == JSONPointer([.key("")]))
        #expect(JSONPointer(parsing: "no-slash") == nil)
    }

    @Test func everyNodeIsFoundAgainByItsPath() throws {
        let document = try load("{\"a/b\": {\"~\": [10, {\"0\": 20}]}, \"\": 1}", as: .json)
        var paths: [String] = []
        for id in 0..<Int32(document.nodeCount) {
            let node = Node(document: document, id: id)
            paths.append(node.path.description)
            #expect(document.root.at(JSONPointer(parsing: node.path.description)!) == node)
        }
        #expect(paths.sorted() == ["", "/", "/a~1b", "/a~1b/~0", "/a~1b/~0/0", "/a~1b/~0/1", "/a~1b/~0/1/0"])
    }

    @Test func aPathBelowAnAncestorStartsUnderItsChild() throws {
        let root = try load("{\"Resources\": {\"Bucket\": {\"Tags\": [{\"Key\": \"team\"}]}}, \"Other\": 1}", as: .json).root
        let resources = try #require(root["Resources"])
        let key = try #require(root.at(JSONPointer(parsing: "/Resources/Bucket/Tags/0/Key")!))
        let below = try #require(key.path(below: resources))
        #expect(below.child == resources["Bucket"])
        #expect(below.path == JSONPointer([.key("Tags"), .index(0), .key("Key")]))
        let bucket = try #require(resources["Bucket"])
        #expect(bucket.path(below: resources)?.child == bucket)
        #expect(bucket.path(below: resources)?.path == .root)
        #expect(resources.path(below: resources) == nil)
        #expect(root["Other"]?.path(below: resources) == nil)
        #expect(key.path(below: root)?.child == resources)
    }

    @Test func aNumericSegmentMatchesAListIndexOrAMapKey() throws {
        let root = try load("{\"list\": [\"x\", \"y\"], \"map\": {\"1\": \"z\"}}", as: .json).root
        #expect(root.at(JSONPointer(parsing: "/list/1")!)?.stringValue == "y")
        #expect(root.at(JSONPointer(parsing: "/map/1")!)?.stringValue == "z")
        #expect(root.at(JSONPointer(parsing: "/list/2")!) == nil)
        #expect(root.at(JSONPointer(parsing: "/list/x")!) == nil)
    }
}
