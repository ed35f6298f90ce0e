import Foundation
import FrontdeskCore
extension AppDatabase {
    public func seedVolume(bookings: Int) throws(StoreError) -> Int { 0 }
}
