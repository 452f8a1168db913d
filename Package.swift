// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vetted",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vetted", targets: ["vetted"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // The words every module shares: typed ids, money, zones, errors. Foundation only.
        .target(name: "VettedDomain"),
        // Engines: pure Swift over the domain, no web or database imports.
        .target(name: "WorkingHours", dependencies: ["VettedDomain"]),
        .target(name: "PythonSource"),
        .target(name: "Portfolio", dependencies: ["PythonSource", "Taxonomy", "VettedDomain"]),
        .target(name: "Taxonomy", dependencies: ["VettedDomain"], resources: [.copy("taxonomy.json")]),
        .target(name: "Planning", dependencies: ["VettedDomain", "Taxonomy"], resources: [.copy("ratecard-data.json")]),
        .target(name: "PoolImport", dependencies: ["VettedDomain", "Taxonomy"]),
        .target(name: "Matching", dependencies: ["VettedDomain", "Taxonomy", "WorkingHours"]),
        // Untrusted code: bubblewrap, a per-run cgroup, seccomp, limits and verdicts.
        .target(name: "Sandbox"),
        // Task folders, grading outside the box, the task library.
        .target(name: "Assessments", dependencies: ["Sandbox"]),
        // Winnowing fingerprints over the shared tokenizer: similar submissions of a task.
        .target(name: "Plagiarism", dependencies: ["PythonSource"]),
        // Pipelines and their move rules, scorecards, calibration, interview slots and
        // invites, trial and offer terms, mail templates: guide steps 6 to 10.
        .target(name: "Evaluation", dependencies: ["VettedDomain", "WorkingHours"]),
        // E-mail: MIME rendering and an SMTP client over blocking sockets (TLS or STARTTLS
        // through the system's OpenSSL), off the request threads.
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(name: "Mail", dependencies: ["COpenSSL"]),
        // Fluent models, numbered migrations, queries, the tenant scope. No Vapor.
        .target(
            name: "VettedStore",
            dependencies: [
                "VettedDomain",
                "Evaluation",
                "WorkingHours",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Vapor: routes, controllers, view models, Leaf views, API, OpenAPI, accounts.
        .target(
            name: "VettedWeb",
            dependencies: [
                "VettedDomain",
                "VettedStore",
                "Planning",
                "Taxonomy",
                "WorkingHours",
                "PoolImport",
                "Portfolio",
                "Matching",
                "Sandbox",
                "Assessments",
                "Plagiarism",
                "Evaluation",
                "Mail",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
            ],
            resources: [.copy("Resources")]
        ),
        // The executable: argument parsing, nothing else.
        .executableTarget(
            name: "vetted",
            dependencies: [
                "VettedWeb",
                "WorkingHours",
                "Planning",
                "Portfolio",
                "Sandbox",
                "Assessments",
                "Plagiarism",
                "Evaluation",
                "VettedStore",
                "VettedDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared by the store and app tests: each test's own database, signed-in clients.
        .target(
            name: "VettedTestSupport",
            dependencies: ["VettedWeb", "VettedStore", "VettedDomain", "COpenSSL", .product(name: "VaporTesting", package: "vapor")],
            path: "Tests/VettedTestSupport"
        ),
        .testTarget(name: "VettedDomainTests", dependencies: ["VettedDomain", "VettedStore"]),
        .testTarget(name: "WorkingHoursTests", dependencies: ["WorkingHours", "VettedDomain"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "Taxonomy", "VettedDomain"]),
        .testTarget(name: "TaxonomyTests", dependencies: ["Taxonomy", "VettedDomain"]),
        .testTarget(name: "PythonSourceTests", dependencies: ["PythonSource"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox"]),
        .testTarget(name: "PlagiarismTests", dependencies: ["Plagiarism", "PythonSource"]),
        .testTarget(name: "AssessmentsTests", dependencies: ["Assessments", "Sandbox"]),
        .testTarget(name: "PortfolioTests", dependencies: ["Portfolio", "Taxonomy"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "VettedTestSupport"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "VettedDomain", "WorkingHours"]),
        .testTarget(name: "MatchingTests", dependencies: ["Matching", "VettedDomain", "WorkingHours", "Taxonomy"]),
        .testTarget(name: "PoolImportTests", dependencies: ["PoolImport", "VettedDomain", "Taxonomy"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "VettedStoreTests",
            dependencies: ["VettedStore", "VettedDomain", "VettedWeb", "VettedTestSupport",
                           .product(name: "VaporTesting", package: "vapor")]
        ),
        .testTarget(
            name: "VettedWebTests",
            dependencies: ["VettedWeb", "VettedStore", "VettedDomain", "VettedTestSupport", "Mail",
                           .product(name: "VaporTesting", package: "vapor")]
        ),
    ]
)
