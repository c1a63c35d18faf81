import Foundation
import GRDB

/// Which payment notifications each staff member has read (everything up to a notification id).
extension StaffTables {
    /// The highest notification id this person has read; 0 when none.
    package func readThrough(staffID: Int64) throws(StoreError) -> Int64 {
        try run("read the notifications read") {
            try Int64.fetchOne(db, sql: "SELECT read_through FROM staff_notification_reads WHERE staff_id = ?", arguments: [staffID]) ?? 0
        }
    }

    /// Marks every notification up to `id` read (never moves back).
    package func markRead(staffID: Int64, through id: Int64) throws(StoreError) {
        try run("mark notifications read") {
            try db.execute(sql: """
                INSERT INTO staff_notification_reads (staff_id, read_through) VALUES (?, ?)
                ON CONFLICT(staff_id) DO UPDATE SET read_through = max(read_through, excluded.read_through)
                """, arguments: [staffID, id])
        }
    }

    /// How many notifications this person has not read.
    package func unreadCount(staffID: Int64) throws(StoreError) -> Int {
        try run("count unread notifications") {
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM notifications
                WHERE id > coalesce((SELECT read_through FROM staff_notification_reads WHERE staff_id = ?), 0)
                """, arguments: [staffID]) ?? 0
        }
    }

    /// The newest notification's id; 0 when there is none.
    package func latestNotificationID() throws(StoreError) -> Int64 {
        try run("read the latest notification") { try Int64.fetchOne(db, sql: "SELECT max(id) FROM notifications") ?? 0 }
    }
}

extension Ledger {
    /// The newest notification's id, 0 when there is none: cheap enough to poll every second.
    package func latestNotificationID() throws(StoreError) -> Int64 {
        try staffRead { tables throws(StoreError) in try tables.latestNotificationID() }
    }

    /// Notifications newer than `id`, oldest first (at most `limit`).
    package func notifications(after id: Int64, limit: Int = 50) throws(StoreError) -> [StaffNotification] {
        let all = try notifications(limit: limit)
        return all.filter { $0.id > id }.reversed()
    }
}
