namespace Digima.Core.Compose.Signatures;

/// <summary>The compose screen's 「署名を挿入」 for one mail: puts the rep's signature in once when
/// the draft starts, takes it out and puts it back on request, and never deletes a signature the
/// rep edited in the body (switching off then leaves the body as it is, and says so).</summary>
/// <param name="signature">The rep's signature as stored.</param>
/// <param name="quote">A reply's quoted mail, above which the signature goes; null for a new mail.</param>
public sealed class SignatureSwitch(string signature, string? quote)
{
    public string Signature { get; } = SignatureBlock.Normalize(signature);

    public bool HasSignature => Signature.Length > 0;

    /// <summary>Whether the rep wants the signature in this mail.</summary>
    public bool IsOn { get; private set; }

    /// <summary>A reply's quote (kept with a draft so the switch works the same once reopened).</summary>
    public string? Quote => quote;

    /// <summary>A reopened 「下書き」: the body is as saved, the switch as the rep left it.</summary>
    public void Resume(bool on) => IsOn = HasSignature && on;

    /// <summary>The draft's first body. A new mail or a reply gets the signature (once); a
    /// duplicate (<paramref name="insert"/> false) keeps its body, which carries whatever
    /// signature the original had, and the switch shows whether that is the rep's.</summary>
    public string Start(string body, bool insert)
    {
        IsOn = HasSignature && (insert || SignatureBlock.IsIntact(body, Signature, quote));
        return insert ? SignatureBlock.Insert(body, Signature, quote) : body;
    }

    /// <summary>True while the switch is on but the body no longer holds the signature as
    /// inserted: switching off will not take the rep's edited text out.</summary>
    public bool IsEdited(string body) => IsOn && !SignatureBlock.IsIntact(body, Signature, quote);

    /// <summary>Turns the signature on (inserted once) or off (taken out when unedited).</summary>
    public SignatureChange Switch(string body, bool on)
    {
        if (!HasSignature)
        {
            return new SignatureChange(body, false);
        }

        IsOn = on;
        if (on)
        {
            return new SignatureChange(SignatureBlock.Insert(body, Signature, quote), false);
        }

        return SignatureBlock.Remove(body, Signature, quote) is { } without
            ? new SignatureChange(without, false)
            : new SignatureChange(body, true);
    }

    /// <summary>A template replaced the body: with the switch on the signature goes in again,
    /// unless the template already carries it (one saved from a mail with the signature).</summary>
    public string AfterTemplate(string body) => IsOn ? SignatureBlock.Insert(body, Signature, null) : body;
}

/// <param name="Body">The body after the switch.</param>
/// <param name="LeftEdited">Switched off, but the rep had edited the signature, so it stays in the body.</param>
public sealed record SignatureChange(string Body, bool LeftEdited);
