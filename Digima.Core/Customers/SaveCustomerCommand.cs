using Digima.Core.Common;
using Digima.Core.LiveUpdates;
using Digima.Core.Resources;
using Digima.Core.Timeline;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Customers;

/// <summary>Creates a customer (id 0) or updates one. The contact fields that mail updates are
/// not editable here. Every save is announced on the bus (<see cref="CustomerChanged"/>), so a
/// profile or a compose preview open anywhere shows the new values.</summary>
public sealed class SaveCustomerCommand(
    ICustomerRepository customers,
    IValidator<CustomerInput> validator,
    ICustomerEventRecorder events,
    ILiveEvents live,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text)
{
    /// <summary>The property of the failure when the customer was saved by someone else since
    /// <see cref="CustomerInput.Version"/>: nothing was written.</summary>
    public const string Conflict = "Conflict";

    /// <exception cref="ForbiddenException">The actor may not edit customers.</exception>
    /// <exception cref="NotFoundException">No customer has this id.</exception>
    public async Task<Outcome<long>> SaveAsync(CurrentUser actor, long id, CustomerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        CustomerAccess.EnsureCanEdit(actor);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<long>.Failure(validation.Errors);
        }

        try
        {
            var saved = id == 0
                ? Outcome<long>.Success(await customers.InsertAsync(input.ToCustomer() with { CreatedByUserId = actor.Id }, cancellationToken))
                : await UpdateAsync(actor, id, input, cancellationToken);
            if (saved.Succeeded)
            {
                await live.PublishAsync(new CustomerChanged(saved.Value), cancellationToken);
            }

            return saved;
        }
        catch (DuplicateEmailException)
        {
            return Outcome<long>.Failure(nameof(CustomerInput.Email), text["CustomerEmailTaken"]);
        }
    }

    private async Task<Outcome<long>> UpdateAsync(CurrentUser actor, long id, CustomerInput input, CancellationToken cancellationToken)
    {
        var before = await customers.GetAsync(id, cancellationToken)
            ?? throw new NotFoundException($"Customer {id} does not exist.");

        // A form names the version it was filled from; without one, the version just read still
        // keeps a save made between that read and this write from being overwritten.
        if (!await customers.UpdateAsync(input.ToCustomer(id), input.Version ?? before.UpdatedAt, cancellationToken))
        {
            return Outcome<long>.Failure(Conflict, text["CustomerChangedMeanwhile"]);
        }

        var changed = CustomerInput.From(before).ChangedFields(input);
        if (changed.Count > 0)
        {
            var change = new CustomerEvent(id, CustomerEventKind.ContactFieldChanged, time.GetUtcNow(), actor.Id, Detail: string.Join(',', changed));
            await events.RecordAsync([change], cancellationToken);
        }

        return Outcome<long>.Success(id);
    }
}
