// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PayPage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "paypage", targets: ["PayPageCLI"]),
        .executable(name: "paypage-bench", targets: ["PayPageBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-extras/swift-extras-base64.git", from: "1.2.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // Leaves: know nothing of each other.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "MarkdownRendering", dependencies: ["CCmark"]),
        .target(name: "Billing"),
        .target(name: "Templating"),
        .target(name: "Theming", dependencies: ["Templating", .product(name: "Crypto", package: "swift-crypto")]),
        // The view models every rendered page shares (chrome, company, languages, strings).
        .target(name: "PageModels", dependencies: ["Billing", "Templating"]),
        // For tests: checks a view model's lookup against its stored properties.
        .target(name: "TemplatingTesting", dependencies: ["Templating"]),
        .target(name: "ProcessTesting"),
        // Built on Billing.
        .target(name: "Messaging"),
        .target(name: "Store", dependencies: ["Billing", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Operations", dependencies: ["Billing", "Store", "Messaging"]),
        .target(name: "Generator", dependencies: [
            "Billing", "Store", "Theming", "Templating", "PageModels", "MarkdownRendering",
            .product(name: "Subprocess", package: "swift-subprocess"), .product(name: "SystemPackage", package: "swift-system"),
        ]),
        .target(name: "Checkout", dependencies: ["Billing", "Store", "Operations"]),
        .target(name: "Deposits", dependencies: ["Billing", "Store"]),
        // Repair-order exports (CSV, mapped layouts) -> invoice records registered in the ledger.
        .target(name: "Importing", dependencies: ["Billing", "Store"]),
        // Sync records + build lock + build: what every command and the server call to update Output/.
        .target(name: "Publishing", dependencies: ["Billing", "Store", "Operations", "Generator"]),
        // Staff accounts, sign-in, sessions and CSRF tokens, over the ledger.
        .target(name: "StaffAccess", dependencies: [
            "Billing", "Store",
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            .product(name: "ExtrasBase64", package: "swift-extras-base64"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "PreviewServer", dependencies: [
            "Generator", "Checkout", "Operations", "Publishing", "Store", "Billing", "Theming", "Templating", "PageModels", "Messaging", "StaffAccess",
            "Deposits", "Importing",
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        ]),
        .executableTarget(name: "PayPageCLI", dependencies: [
            "Billing", "Store", "Messaging", "Operations", "Generator", "Checkout", "Publishing", "PreviewServer", "Deposits", "StaffAccess", "Importing",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Subprocess", package: "swift-subprocess"),
        ]),
        // The benchmark harness: its own executable, not linked into `paypage`.
        .target(name: "Bench", dependencies: [
            "Billing", "Store", "Operations", "Checkout", "Generator", "Publishing", "PreviewServer",
            .product(name: "Subprocess", package: "swift-subprocess"), .product(name: "SystemPackage", package: "swift-system"),
        ]),
        .executableTarget(name: "PayPageBench", dependencies: [
            "Bench", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "BillingTests", dependencies: ["Billing"]),
        .testTarget(name: "MarkdownRenderingTests", dependencies: ["MarkdownRendering"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "TemplatingTesting"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ThemingTests", dependencies: [
            "Theming", "Templating", .product(name: "PropertyBased", package: "swift-property-based"),
        ], resources: [.copy("Fixtures")]),
        .testTarget(name: "MessagingTests", dependencies: ["Messaging", "Billing"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Billing"], resources: [.copy("Fixtures")]),
        .testTarget(name: "OperationsTests", dependencies: ["Operations", "Store", "Billing", "Messaging"]),
        .testTarget(name: "GeneratorTests", dependencies: [
            "Generator", "Store", "Billing", "Theming", "Templating", "PageModels", "TemplatingTesting",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], resources: [.copy("Golden")]),
        .testTarget(name: "CheckoutTests", dependencies: ["Checkout", "Operations", "Store", "Billing"]),
        .testTarget(name: "StaffAccessTests", dependencies: [
            "StaffAccess", "Store", "Billing", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "PreviewServerTests", dependencies: [
            "PreviewServer", "Publishing", "StaffAccess", "PageModels", "TemplatingTesting", "Deposits", "ProcessTesting",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], exclude: ["CheckoutGolden"]),
        .testTarget(name: "PayPageCLITests", dependencies: [
            "PayPageCLI", "Operations", "Publishing", "Billing", "Store", "Generator", "StaffAccess", "ProcessTesting",
        ]),
        .testTarget(name: "HardeningTests", dependencies: [
            "ProcessTesting", "Billing", "Store", "Messaging", "Operations", "Generator", "Checkout", "Publishing", "PreviewServer", "Theming",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "PropertyBased", package: "swift-property-based"),
        ], resources: [.copy("Fixtures")]),
        .testTarget(name: "DepositsTests", dependencies: [
            "Deposits", "Billing", "Store", "Operations", "Checkout",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ImportingTests", dependencies: ["Importing", "Billing", "Store", "Operations"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BenchTests", dependencies: ["Bench", "Store", "Operations", "Billing"]),
    ]
)
