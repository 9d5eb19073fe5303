import Testing
@testable import Tally

/// The table that finds a registration's cell: every key keeps the cell it was first given while the
/// table grows past its first slots, keys that differ only in their place or only in their groups included.
@Suite struct CellIndexTests {
    @Test func everyKeyKeepsItsFirstCellAsTheTableGrows() {
        var index = CellIndex()
        var cells: [UInt64: Int] = [:]
        for place in Int32(-1)..<Int32(300) {
            for groups in [UInt32(0), 1, 2, 3, 0x80, 0xFFFF_FFFF] {
                let key = CellIndex.key(place: place, groups: groups)
                let (cell, isNew) = index.cell(of: key, new: cells.count)
                #expect(isNew && cell == cells.count, "place \(place) groups \(groups)")
                cells[key] = cell
            }
        }
        #expect(cells.count == 301 * 6)
        for (key, cell) in cells {
            let again = index.cell(of: key, new: -5)
            #expect(!again.isNew && again.cell == cell)
        }
        #expect(CellIndex.key(place: 1, groups: 0) != CellIndex.key(place: 0, groups: 1))
    }
}
