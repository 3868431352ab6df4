extension ByteMatcher {
    /// The DFA of a pattern, built by subset construction from its atoms.
    ///
    /// An NFA state is a position in the atom list (`atoms.count` is the end, a match); a DFA
    /// state is a set of positions, held as bits. An unanchored pattern may start at any byte,
    /// so the start set joins every step.
    struct Automaton {
        private let atoms: [Atom]
        private let anchoredStart: Bool
        private let words: Int
        /// The empty set's state, once built, for a pattern anchored at the start.
        private(set) var deadState: Int32?

        init(_ pattern: Pattern) {
            atoms = pattern.atoms
            anchoredStart = pattern.anchoredStart
            words = pattern.atoms.count / 64 + 1
        }

        /// The transition table (128 bytes per state, state 0 the start) and the accepting states,
        /// or `nil` when there would be more than `stateLimit` states.
        mutating func build() -> (transitions: [Int32], accepting: [Bool])? {
            var start = [UInt64](repeating: 0, count: words)
            insert(0, into: &start)
            close(&start)
            var states = [start]
            var numbers = [start: Int32(0)]
            var transitions: [Int32] = []
            var current = 0
            while current < states.count {
                for byte in 0..<128 {
                    var next = step(states[current], byte)
                    if !anchoredStart {
                        for word in 0..<words { next[word] |= start[word] }
                    }
                    if let number = numbers[next] {
                        transitions.append(number)
                        continue
                    }
                    guard states.count < ByteMatcher.stateLimit else { return nil }
                    numbers[next] = Int32(states.count)
                    transitions.append(Int32(states.count))
                    states.append(next)
                }
                current += 1
            }
            if anchoredStart { deadState = numbers[[UInt64](repeating: 0, count: words)] }
            return (transitions, states.map { contains(atoms.count, $0) })
        }

        /// The positions reached from `positions` by taking `byte`, closed.
        private func step(_ positions: [UInt64], _ byte: Int) -> [UInt64] {
            var next = [UInt64](repeating: 0, count: words)
            for position in atoms.indices where contains(position, positions) && atoms[position].bytes[byte] {
                insert(atoms[position].count == .any ? position : position + 1, into: &next)
            }
            close(&next)
            return next
        }

        /// Adds the positions reached by skipping optional atoms. Skips only go forward, so one pass in order suffices.
        private func close(_ positions: inout [UInt64]) {
            for position in atoms.indices where contains(position, positions) && atoms[position].count != .one {
                insert(position + 1, into: &positions)
            }
        }

        private func contains(_ position: Int, _ positions: [UInt64]) -> Bool {
            positions[position >> 6] & (1 << UInt64(position & 63)) != 0
        }

        private func insert(_ position: Int, into positions: inout [UInt64]) {
            positions[position >> 6] |= 1 << UInt64(position & 63)
        }
    }
}
