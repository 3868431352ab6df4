import Testing
@testable import ReadinessKit

@Suite struct ListingIDsTests {
    private func listing(_ ids: [String], hash: @escaping ListingIDs.Hash = ListingIDs.seededHash) -> ListingIDs {
        var listing = ListingIDs(hash: hash)
        for (row, id) in ids.enumerated() {
            var bytes = id
            _ = bytes.withUTF8 { listing.append($0, line: Int32(row + 2)) }
        }
        return listing
    }

    @Test func reportsEveryRepeatInRowOrderWithTheFirstLine() {
        let (duplicates, _) = listing(["E-1", "E-2", "E-1", "E-3", "E-2", "E-1"]).search([])
        #expect(duplicates == [
            .init(id: "E-1", line: 4, firstLine: 2),
            .init(id: "E-2", line: 6, firstLine: 3),
            .init(id: "E-1", line: 7, firstLine: 2),
        ])
    }

    @Test func matchesIdsAsSwiftStringsDoByCanonicalEquivalence() {
        // Precomposed and decomposed é; a semicolon and U+037E GREEK QUESTION MARK.
        let (duplicates, found) = listing(["caf\u{E9}", "E-1;", "cafe\u{301}", "E-1\u{37E}"])
            .search(["cafe\u{301}", "E-1\u{37E}", "E-1:"])
        #expect(duplicates.map(\.line) == [4, 5])
        #expect(duplicates.map(\.firstLine) == [2, 3])
        #expect(found == [true, true, false])
    }

    @Test func findsWantedIdsAndOnlyThose() {
        let (duplicates, found) = listing((1...1_000).map { "E-\($0)" }).search(["E-1", "E-1000", "E-0", "e-1", ""])
        #expect(duplicates.isEmpty)
        #expect(found == [true, true, false, false, false])
    }

    @Test func agreesWithADictionaryOnManyRandomIds() {
        var generator = SeededGenerator(seed: 7)
        let ids = (0..<50_000).map { _ in "E-\(Int.random(in: 0..<40_000, using: &generator))" }
        var firstLine: [String: Int32] = [:]
        var expected: [ListingIDs.Duplicate] = []
        for (row, id) in ids.enumerated() {
            if let first = firstLine[id] {
                expected.append(.init(id: id, line: Int32(row + 2), firstLine: first))
            } else {
                firstLine[id] = Int32(row + 2)
            }
        }
        let wanted = (0..<200).map { "E-\($0 * 250)" }
        let (duplicates, found) = listing(ids).search(wanted)
        #expect(duplicates == expected)
        #expect(found == wanted.map { firstLine[$0] != nil })
    }

    /// With a hash that makes every id of a length collide, only the byte comparisons tell ids apart.
    @Test func tellsCollidingIdsApartByTheirBytes() {
        let ids = ["E-1", "E-2", "E-1", "E-3", "E-2", "E-10"]
        let (duplicates, found) = listing(ids) { UInt64($0.count) }.search(["E-3", "E-4", "E-10", "E-11"])
        #expect(duplicates == [.init(id: "E-1", line: 4, firstLine: 2), .init(id: "E-2", line: 6, firstLine: 3)])
        #expect(found == [true, false, true, false])
    }

    @Test func namesEachRepeatAsItsRowWroteIt() {
        let (duplicates, _) = listing(["E;", "E\u{37E}", "cafe\u{301}", "caf\u{E9}"]).search([])
        #expect(duplicates.map(\.id) == ["E\u{37E}", "caf\u{E9}"])
        #expect(duplicates.map { Array($0.id.unicodeScalars) } == [["E", "\u{37E}"], ["c", "a", "f", "\u{E9}"]])
    }
}
