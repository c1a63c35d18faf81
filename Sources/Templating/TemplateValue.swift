/// What a name resolves to while a template renders. Contexts hand their values over in this
/// shape, so the renderer never casts or reflects: each lookup is one call of
/// ``TemplateObject/field(_:)``.
public enum TemplateValue: Sendable {
    /// A name the object knows, without a value (a nil optional). Renders nothing, is false for
    /// a section, and lets the lookup go on in the enclosing contexts, as an unknown name does.
    case null
    /// Text (numbers are passed as their text). True for a section, even when empty.
    case text(String)
    case flag(Bool)
    /// Named fields: `{{name}}`, `{{object.name}}`, `{{#object}}…{{/object}}`.
    case object(any TemplateObject)
    /// A section renders once per element; an empty list is false.
    case list(any TemplateList)
}

/// A value a template can show (view models are Sendable, so one can be rendered anywhere).
public protocol TemplateRenderable: Sendable {
    var templateValue: TemplateValue { get }
}

/// A context with named fields: a page's view model, or one of its parts.
public protocol TemplateObject: TemplateRenderable {
    /// nil when this object has no field of that name (the lookup goes on in the enclosing
    /// contexts); ``TemplateValue/null`` when it has one without a value.
    func field(_ name: String) -> TemplateValue?
}

extension TemplateObject {
    public var templateValue: TemplateValue { .object(self) }
}

/// The elements of a section over a list.
public protocol TemplateList: Sendable {
    var count: Int { get }
    func element(_ index: Int) -> TemplateValue
}

extension TemplateValue {
    /// `value.templateValue`, in the order the fields of a context are listed.
    @inlinable
    public init(_ value: some TemplateRenderable) { self = value.templateValue }
}

/// A value built on the spot (`["title": .text("Hello")]`) is a context too.
extension TemplateValue: TemplateRenderable {
    public var templateValue: TemplateValue { self }
}
