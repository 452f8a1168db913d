import FluentKit
import Foundation

/// One e-mail waiting to be sent, sent, or given up on. Rows are never deleted: the
/// outbox is also the record of what was sent to whom.
public final class OutboxModel: Model, @unchecked Sendable {
    public static let schema = "outbox"

    public enum Status: String, Sendable { case pending, sent, failed }

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "organization_id") public var organizationID: UUID?
    @Field(key: "template_key") public var templateKey: String
    @Field(key: "to_address") public var toAddress: String
    @Field(key: "to_name") public var toName: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @OptionalField(key: "attachment_name") public var attachmentName: String?
    @OptionalField(key: "attachment_type") public var attachmentType: String?
    @OptionalField(key: "attachment") public var attachment: String?
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?

    public init() {}
}

/// An organization's edited version of one of the default templates.
public final class MailTemplateModel: Model, @unchecked Sendable {
    public static let schema = "mail_templates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "key") public var key: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @Field(key: "updated_by") public var updatedBy: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}
