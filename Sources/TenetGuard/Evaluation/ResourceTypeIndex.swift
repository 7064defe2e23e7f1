import TenetDocument

/// The members of one document map grouped by their `Type` string: a template's `Resources` by
/// resource type, so that a type filter or a type block visits only the resources it names.
final class ResourceTypeIndex: Sendable {
    /// The members of one type, by position in the map, in document order.
    struct Group: Sendable {
        let type: String
        fileprivate(set) var positions: [Int32]
    }

    let map: Node
    /// In the order each type first appears.
    let groups: [Group]
    /// Members that are not maps with a string `Type` (lists, scalars, maps without one), by
    /// position: filters treat them clause by clause.
    let untyped: [Int32]
    private let groupIndexByType: [String: Int]

    init(of map: Node) {
        self.map = map
        var groups: [Group] = []
        var groupIndexByType: [String: Int] = [:]
        var untyped: [Int32] = []
        for (position, member) in map.children.enumerated() {
            guard let type = member["Type"]?.stringValue else {
                untyped.append(Int32(position))
                continue
            }
            if let index = groupIndexByType[type] {
                groups[index].positions.append(Int32(position))
            } else {
                groupIndexByType[type] = groups.count
                groups.append(Group(type: type, positions: [Int32(position)]))
            }
        }
        self.groups = groups
        self.groupIndexByType = groupIndexByType
        self.untyped = untyped
    }

    func member(at position: Int32) -> Node { map.children[Int(position)] }

    /// The members whose `Type` is `type`, in document order.
    func members(ofType type: String) -> [Node] {
        guard let index = groupIndexByType[type] else { return [] }
        return groups[index].positions.map(member(at:))
    }
}
