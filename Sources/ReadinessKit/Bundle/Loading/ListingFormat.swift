import Foundation

/// The file formats an evidence listing may come in, told apart by the file's extension.
public enum ListingFormat: String, Sendable, CaseIterable {
    /// `evidence.csv`: RFC 4180 CSV with a header row.
    case csv
    /// `evidence.jsonl`: one JSON object per line.
    case jsonLines = "jsonl"

    /// The format of the listing at `path`, or `nil` when it is not a listing.
    public init?(path: String) {
        self.init(rawValue: (path as NSString).pathExtension.lowercased())
    }

    /// The extensions of listing files.
    static let fileExtensions = allCases.map(\.rawValue)

    /// The listing's file name in a bundle folder.
    public var fileName: String { "evidence.\(rawValue)" }
}

/// A reader of an evidence listing in either format.
enum ListingReader {
    case csv(CSVReader)
    case jsonLines(JSONLinesReader)

    /// A reader for the file at `path`, in the format its extension names (`file` names it in messages).
    init(file: String, path: String) {
        self = ListingFormat(path: path) == .jsonLines ? .jsonLines(JSONLinesReader(file: file, path: path))
            : .csv(CSVReader(file: file, path: path))
    }

    var file: String {
        switch self {
        case .csv(let reader): reader.file
        case .jsonLines(let reader): reader.file
        }
    }

    var format: ListingFormat {
        switch self {
        case .csv: .csv
        case .jsonLines: .jsonLines
        }
    }

    /// A reader of the same format over `data`, a part of the file that starts at a record boundary.
    func over(_ data: Data) -> ListingReader {
        switch self {
        case .csv(let reader): .csv(CSVReader(file: reader.file, data: data))
        case .jsonLines(let reader): .jsonLines(JSONLinesReader(file: reader.file, data: data))
        }
    }
}
