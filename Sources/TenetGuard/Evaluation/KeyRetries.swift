/// A key's spellings under cfn-guard's case conventions, and its retry of a missing key with them:
/// every spelling in search order until one is found, and once one convention has found a key of
/// a query, only that convention's spelling for the keys after it.
///
/// Generic over how a spelling is held: as text for any value, or as a document's key ids, which
/// the evaluator looks up in every resource (`DocumentKeys`).
struct KeyRetries<Spelling> {
    /// Per `KeyCaseConvention.allCases` index; nil where the spelling is the key itself.
    let byConvention: [Spelling?]
    /// Distinct spellings other than the key, in cfn-guard's order, with their convention.
    let search: [(convention: Int, spelling: Spelling)]

    /// What `find` gives for the first spelling it finds, settling `convention` if it was not yet.
    func member<Found>(convention: inout Int?, find: (Spelling) -> Found?) -> Found? {
        if let settled = convention { return byConvention[settled].flatMap(find) }
        for (retry, spelling) in search {
            if let member = find(spelling) {
                convention = retry
                return member
            }
        }
        return nil
    }

    /// The spellings held another way; those `translate` gives nil for are never found.
    func translated<Other>(_ translate: (Spelling) -> Other?) -> KeyRetries<Other> {
        KeyRetries<Other>(
            byConvention: byConvention.map { $0.flatMap(translate) },
            search: search.compactMap { retry in translate(retry.spelling).map { (retry.convention, $0) } })
    }
}
