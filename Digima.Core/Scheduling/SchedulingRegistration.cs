using Digima.Core.Scheduling.Calendar;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Core.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>The scheduled-send use cases; the trigger, pacing and repositories come
    /// from Infrastructure. The business calendar (営業日カレンダー) is here: 予約送信 is what it serves first.</summary>
    public static IServiceCollection AddSchedulingUseCases(this IServiceCollection services)
    {
        services.AddScoped<Compose.ComposedMailFactory>();
        services.AddScoped<ScheduledMailCheck>();
        services.AddScoped<ScheduleMailCommand>();
        services.AddScoped<EditScheduledMailCommand>();
        services.AddScoped<CancelScheduledMailCommand>();
        services.AddScoped<ScheduledMailOutcomes>();
        services.AddScoped<SendScheduledMailCommand>();
        services.AddScoped<SendMailboxDueMailCommand>();
        services.AddScoped<ReleaseMailboxHeldMailCommand>();
        services.AddScoped<ListScheduledMailQuery>();
        services.AddSingleton<IValidator<BusinessHoursInput>, BusinessHoursInputValidator>();
        services.AddSingleton<IValidator<CompanyHolidayInput>, CompanyHolidayInputValidator>();
        services.AddScoped<GetBusinessCalendarQuery>();
        services.AddScoped<SaveBusinessHoursCommand>();
        services.AddScoped<AddCompanyHolidayCommand>();
        services.AddScoped<RemoveCompanyHolidayCommand>();
        return services;
    }
}
