/// One page of a paginated staff list: the rows it shows, its folder, its neighbours.
struct ListPage {
    /// Relative to the output folder, ending in `/` (`staff/`, `staff/all/3/`).
    var folder: String
    var shown: Range<Int>
    var isFirst: Bool
    var pager: Pager?
}

/// How staff lists are cut into pages.
enum Pagination {
    /// A newest-first list of `count` rows, cut into pages counted from the OLDEST end (chunk 1
    /// is the oldest `size` rows): a new row then only moves rows between the newest pages, and
    /// older pages keep their bytes. The newest chunk is the first page (`folder(nil)`); when it
    /// is short the previous chunk is shown under it too (that chunk also keeps its own page).
    static func anchoredAtOldest(count: Int, size: Int, labels: (newer: String, older: String),
                                 folder: (Int?) -> String) -> [ListPage] {
        let chunks = chunks(count, size: size)
        let newest = chunks.count
        return chunks.enumerated().map { offset, range in
            let number = offset + 1
            var shown = range
            if number == newest, newest > 1, range.count < size / 2 { shown = range.lowerBound..<chunks[newest - 2].upperBound }
            let isFirst = number == newest
            let olderChunk = isFirst && shown != range ? number - 2 : number - 1
            let older = olderChunk >= 1 ? "/" + folder(olderChunk) : nil
            let newer = isFirst ? nil : "/" + folder(number + 1 == newest ? nil : number + 1)
            let pager = older != nil || newer != nil
                ? Pager(text: nil, previous: newer, next: older, previousLabel: labels.newer, nextLabel: labels.older) : nil
            return ListPage(folder: folder(isFirst ? nil : number), shown: shown, isFirst: isFirst, pager: pager)
        }
    }

    /// Index ranges of `count` rows in chunks of `size` from the oldest end, oldest chunk first.
    /// An empty list has one empty chunk.
    static func chunks(_ count: Int, size: Int) -> [Range<Int>] {
        guard count > 0 else { return [0..<0] }
        var result: [Range<Int>] = []
        var end = count
        while end > 0 {
            result.append(max(0, end - size)..<end)
            end -= size
        }
        return result
    }

    /// A list in a fixed order (names, companies), cut from the front: page 1 is `base`, page k
    /// is `base` + `page/k/`. `text` gives "Page k of n".
    static func fromFront(count: Int, size: Int, base: String, labels: (previous: String, next: String),
                          text: (Int, Int) -> String) -> [ListPage] {
        let pages = max(1, (count + size - 1) / size)
        func folder(_ page: Int) -> String { page == 1 ? base : "\(base)page/\(page)/" }
        return (1...pages).map { page in
            let shown = ((page - 1) * size)..<min(count, page * size)
            let pager = pages > 1
                ? Pager(text: text(page, pages), previous: page > 1 ? "/" + folder(page - 1) : nil,
                        next: page < pages ? "/" + folder(page + 1) : nil, previousLabel: labels.previous, nextLabel: labels.next)
                : nil
            return ListPage(folder: folder(page), shown: shown, isFirst: page == 1, pager: pager)
        }
    }
}
