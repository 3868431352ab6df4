/// Where reading an evidence listing stands between records, so a part of a file that begins at a
/// record boundary can be read from the numbers found before it.
struct ListingScanState: Sendable {
    /// The number of the next record. A CSV header is record 0; data records count from 1.
    var number = 0
    /// The number of fields of a CSV header, once read.
    var width: Int?
    /// The line the next record starts on.
    var line = 1
    /// Whether the start of the file (and any byte-order mark) is behind.
    var started = false
}
