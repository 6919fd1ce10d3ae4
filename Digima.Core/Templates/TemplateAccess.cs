using Digima.Core.Common;

namespace Digima.Core.Templates;

/// <summary>Who may see and change a template. Shared templates belong to the team, so a
/// manager may tidy them; a personal template is its owner's alone.</summary>
public static class TemplateAccess
{
    public static bool CanSee(CurrentUser actor, MailTemplate template) =>
        template.IsShared || template.OwnerUserId == actor.Id;

    public static bool CanEdit(CurrentUser actor, MailTemplate template) =>
        template.OwnerUserId == actor.Id || (template.IsShared && actor.IsManager);
}
