using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Mailboxes;

/// <summary>Checks the mailbox form before it is saved or tested. No field may hold a line
/// break or other control character: sender name and address go into mail headers, and host,
/// user and password into protocol commands. Error names are "Smtp.Host", "SenderAddress", ...</summary>
public sealed class MailboxInputValidator : AbstractValidator<MailboxInput>
{
    public const int MaxNameLength = 100;
    public const int MaxFolderLength = 200;

    public MailboxInputValidator(IStringLocalizer<MailboxMessages> text)
    {
        RuleFor(x => x.Smtp).NotNull().SetValidator(new MailServerInputValidator(text));
        RuleFor(x => x.Imap).NotNull().SetValidator(new MailServerInputValidator(text));
        RuleFor(x => x.SenderName)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["SenderNameRequired"])
            .Must(NoControl).WithMessage(_ => text["NoLineBreaks"])
            .MaximumLength(MaxNameLength).WithMessage(_ => text["TooLong", MaxNameLength]);
        RuleFor(x => x.SenderAddress)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["SenderAddressRequired"])
            .Must(NoControl).WithMessage(_ => text["NoLineBreaks"])
            .Must(TextRules.IsEmailAddress).WithMessage(_ => text["SenderAddressInvalid"]);
        RuleFor(x => x.SentFolderName)
            .Must(NoControl).WithMessage(_ => text["NoLineBreaks"])
            .MaximumLength(MaxFolderLength).WithMessage(_ => text["TooLong", MaxFolderLength]);
    }

    internal static bool NoControl(string? value) => !TextRules.HasControlCharacters(value);
}

/// <summary>One server of the form: host, port 1-65535, security (none only on loopback), user
/// name and a password unless the saved one still applies.</summary>
public sealed class MailServerInputValidator : AbstractValidator<MailServerInput>
{
    public const int MaxUserNameLength = 254;
    public const int MaxPasswordLength = 256;

    public MailServerInputValidator(IStringLocalizer<MailboxMessages> text)
    {
        RuleFor(x => x.Host)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["HostRequired"])
            .Must(MailboxInputValidator.NoControl).WithMessage(_ => text["NoLineBreaks"])
            .Must(MailHosts.IsValid).WithMessage(_ => text["HostInvalid"]);
        RuleFor(x => x.Port)
            .InclusiveBetween(1, 65535).WithMessage(_ => text["PortInvalid"]);
        RuleFor(x => x.Security)
            .Cascade(CascadeMode.Stop)
            .IsInEnum().WithMessage(_ => text["SecurityUnknown"])
            .Must((server, security) => security != MailSecurity.None || MailHosts.IsLoopback(server.Host))
            .WithMessage(_ => text["SecurityNoneRemote"]);
        RuleFor(x => x.UserName)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["UserNameRequired"])
            .Must(MailboxInputValidator.NoControl).WithMessage(_ => text["NoLineBreaks"])
            .MaximumLength(MaxUserNameLength).WithMessage(_ => text["TooLong", MaxUserNameLength]);
        RuleFor(x => x.Password)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().When(x => x.SavedPassword != SavedPassword.Usable)
            .WithMessage(x => x.SavedPassword == SavedPassword.ServerChanged ? text["PasswordReenter"] : text["PasswordRequired"])
            .Must(MailboxInputValidator.NoControl).WithMessage(_ => text["NoLineBreaks"])
            .MaximumLength(MaxPasswordLength).WithMessage(_ => text["TooLong", MaxPasswordLength]);
    }
}
