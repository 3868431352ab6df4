import Foundation

/// A value shared between threads, read and changed under a lock.
final class SharedSlot<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Changes the value in place, under the lock.
    func update(_ change: (inout Value?) -> Void) {
        lock.withLock { change(&stored) }
    }
}
