import Foundation
import FrontdeskCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads the account running this process from the system's user and group databases.
public enum SystemAccount {
    /// The effective user (`getpwuid(geteuid())`) and the names of its groups. An id without a
    /// passwd entry is named by its number, so every change is still attributed.
    public static func current() -> OSAccount {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let namePointer = entry.pointee.pw_name else {
            return OSAccount(name: "uid \(uid)", groups: [])
        }
        let name = String(cString: namePointer)
        let primary = entry.pointee.pw_gid
        var count: Int32 = 32
        var ids = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(namePointer, primary, &ids, &count) < 0 {
            ids = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(namePointer, primary, &ids, &count)
        }
        var groups: [String] = []
        for id in ids.prefix(Int(max(count, 0))) + [primary] {
            if let group = getgrgid(id), let groupName = group.pointee.gr_name {
                let text = String(cString: groupName)
                if !groups.contains(text) { groups.append(text) }
            }
        }
        return OSAccount(name: name, groups: groups)
    }
}
