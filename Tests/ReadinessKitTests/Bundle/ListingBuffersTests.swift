import Foundation
import Testing
@testable import ReadinessKit

/// The fast pieces of reading a listing agree with the plain definitions they replace.
@Suite("Listing buffers")
struct ListingBuffersTests {
    @Test("a case set finds exactly its cases, whatever their length")
    func caseSet() {
        let cases = ["allocated", "unallocated", "p2p", "browser_cache", "thumbnail_cache", "a", "allocatee"]
        let set = CaseSet(cases)
        let probes = cases + ["", "allocate", "allocatedx", "Allocated", "p2q", "browser_cachf", "thumbnail_cach", "b", "allocated\0"]
        for probe in probes {
            let bytes = Array(probe.utf8)
            #expect(bytes.withUnsafeBufferPointer(set.contains) == cases.contains(probe), "\(probe)")
        }
        #expect(CaseSet([]).isEmpty)
        #expect(!Array("x".utf8).withUnsafeBufferPointer(CaseSet([]).contains))
    }

    @Test("plain text is told eight bytes at a time exactly as byte by byte")
    func plainBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x61, 0x30, 0x20, 0x0A, 0x0D, 0x7F, 0x80, 0xC3, 0xFF, 0x0C]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0x20...0x7E, using: &generator)
            }
            let expected = bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
            #expect(bytes.withUnsafeBufferPointer { PlainText.isPlain($0) } == expected, "\(bytes)")
        }
    }

    @Test("a list with an element that is not plain leaves the storage as it was")
    func listRollBack() {
        let storage = TextCellStorage()
        let plain: (UnsafeBufferPointer<UInt8>) -> Bool = { !$0.isEmpty && $0.first != 0x20 }
        func append(_ cell: String) -> Bool {
            Array(cell.utf8).withUnsafeBufferPointer { storage.appendList(splitting: $0, at: UInt8(ascii: ";"), where: plain) }
        }
        #expect(append("lnk_file;jump_list"))
        #expect(!append("shellbags; lnk_file"))
        #expect(!append("shellbags;;jump_list"))
        storage.appendAbsentList()
        #expect(append("shellbags"))
        let lists = storage.takeList()
        #expect(lists.count == 3)
        #expect(lists.strings(at: 0) == ["lnk_file", "jump_list"])
        #expect(lists.strings(at: 1) == nil)
        #expect(lists.strings(at: 2) == ["shellbags"])
        #expect(storage.takeList().count == 0)
    }

    @Test("text cells keep their bytes, absences and order across growth")
    func textCells() {
        let storage = TextCellStorage()
        var expected: [String?] = []
        for index in 0..<5_000 {
            if index % 7 == 0 {
                storage.appendAbsent()
                expected.append(nil)
            } else {
                let text = String(repeating: "x", count: index % 50) + "\(index)"
                Array(text.utf8).withUnsafeBufferPointer(storage.append)
                expected.append(text)
            }
        }
        let column = storage.takeText()
        #expect((0..<column.count).map(column.string) == expected)
        #expect(storage.takeText().count == 0)
    }
}
