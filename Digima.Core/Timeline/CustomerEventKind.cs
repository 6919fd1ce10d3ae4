namespace Digima.Core.Timeline;

/// <summary>What happened to a customer besides a mail itself (R13). The stored code of each kind
/// is its <see cref="CustomerEventKinds.Code"/>; never rename one, rows keep it.</summary>
public enum CustomerEventKind
{
    /// <summary>A mail to the customer was scheduled ("scheduled").</summary>
    Scheduled,

    /// <summary>A scheduled mail was held back and not sent at its time ("held").</summary>
    Held,

    /// <summary>A mail to the customer could not be sent ("failed"); the detail is the reason.</summary>
    Failed,

    /// <summary>The customer opened a tracked mail ("opened").</summary>
    Opened,

    /// <summary>The customer clicked a tracked link ("clicked"); the detail is the address.</summary>
    Clicked,

    /// <summary>A contact field changed ("contact_field_changed"); the detail names the fields,
    /// comma-separated, by their <see cref="Customers.CustomerInput"/> property names.</summary>
    ContactFieldChanged,
}

public static class CustomerEventKinds
{
    public static string Code(this CustomerEventKind kind) => kind switch
    {
        CustomerEventKind.Scheduled => "scheduled",
        CustomerEventKind.Held => "held",
        CustomerEventKind.Failed => "failed",
        CustomerEventKind.Opened => "opened",
        CustomerEventKind.Clicked => "clicked",
        CustomerEventKind.ContactFieldChanged => "contact_field_changed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown event kind."),
    };

    public static CustomerEventKind Parse(string code) => code switch
    {
        "scheduled" => CustomerEventKind.Scheduled,
        "held" => CustomerEventKind.Held,
        "failed" => CustomerEventKind.Failed,
        "opened" => CustomerEventKind.Opened,
        "clicked" => CustomerEventKind.Clicked,
        "contact_field_changed" => CustomerEventKind.ContactFieldChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown event kind."),
    };
}
