/**
 * The running-cost sections of the field table: the physical estate (and defaults for
 * inventory rows), the clusters' shared infrastructure, housing and manpower.
 */
import { int, money, nonNegative, ratio, section, type SectionSpec } from "./fieldSpec";

/** `physical`, `virtual`, `housing`, `manpower`: what each way of running the servers costs. */
export const COST_SECTIONS: readonly SectionSpec[] = [
  section({
    key: "physical",
    title: "Physical estate",
    help: "What staying physical costs, and defaults for inventory rows.",
    fields: [
      money(
        "serverPrice",
        "Server replacement price",
        "currency",
        "Price of replacing one physical server at refresh.",
        "the price of a replacement server"
      ),
      money(
        "osLicencePerWindowsServer",
        "OEM Windows licence",
        "currency",
        "OS licence a refreshed Windows server needs.",
        "the Windows licence price per refreshed server"
      ),
      int(
        "refreshCycleYears",
        "Refresh cycle",
        "years",
        "Physical servers are replaced every this many years.",
        "the physical refresh cycle in years",
        1,
        30
      ),
      ratio(
        "maintenanceRate",
        "Maintenance per year",
        "Hardware maintenance as a share of its price, per year.",
        "the yearly hardware maintenance rate (0.1 for 10 % of the price)"
      ),
      ratio(
        "defaultPeakCpuUtilization",
        "Default peak CPU",
        "Peak CPU of a server whose row gives none.",
        "the default peak CPU (0.3 for 30 %)"
      ),
      ratio(
        "defaultAverageCpuUtilization",
        "Default average CPU",
        "Average CPU of a server whose row gives none.",
        "the default average CPU (0.12 for 12 %)"
      ),
      nonNegative(
        "defaultPowerWatts",
        "Default server power",
        "W",
        "Power draw of a server whose row gives none.",
        "the default server power draw in watts"
      ),
      int(
        "defaultRackUnits",
        "Default server rack units",
        "U",
        "Rack space of a server whose row gives none.",
        "the default server height in rack units",
        0,
        100
      ),
      nonNegative(
        "defaultStorageGiB",
        "Default server storage",
        "GiB",
        "Disk of a server whose row gives none.",
        "the default server storage in GiB"
      ),
    ],
  }),
  section({
    key: "virtual",
    title: "Cluster infrastructure",
    help: "Shared storage, network and upkeep of the clusters.",
    fields: [
      int(
        "hostRefreshYears",
        "Host refresh cycle",
        "years",
        "Hosts are replaced every this many years.",
        "the host refresh cycle in years",
        1,
        30
      ),
      ratio(
        "hostMaintenanceRate",
        "Host maintenance per year",
        "Share of the host price per year.",
        "the yearly host maintenance rate (0.1 for 10 % of the host price)"
      ),
      money(
        "sharedStoragePerCluster",
        "Shared storage per cluster",
        "currency",
        "SAN/NAS array base price for each cluster.",
        "the shared storage price per cluster"
      ),
      money(
        "storageCostPerGiB",
        "Storage per GiB",
        "currency",
        "Usable shared storage per GiB of VM disk.",
        "the shared storage price per GiB"
      ),
      nonNegative(
        "witnessDiskGiB",
        "Witness disk",
        "GiB",
        "Quorum witness disk per cluster (a disk witness needs at least 0.5 GiB; 0 for a file-share witness).",
        "the witness disk size in GiB"
      ),
      ratio(
        "storageMaintenanceRate",
        "Storage maintenance per year",
        "Share of the storage price per year.",
        "the yearly storage maintenance rate (0.1 for 10 % of its price)"
      ),
      money(
        "storageNetworkPerCluster",
        "Storage network per cluster",
        "currency",
        "Isolated storage LAN switches per cluster.",
        "the storage network price per cluster"
      ),
      money(
        "networkPerHost",
        "Network per host",
        "currency",
        "Duplicated NICs and cabling per host.",
        "the network price per host"
      ),
      ratio(
        "networkMaintenanceRate",
        "Network maintenance per year",
        "Share of the network price per year.",
        "the yearly network maintenance rate (0.15 for 15 % of its price)"
      ),
      int(
        "sharedStorageRackUnits",
        "Storage rack units",
        "U",
        "Rack space of each cluster's storage.",
        "the rack units of each cluster's storage",
        0,
        100
      ),
      nonNegative(
        "sharedStoragePowerWatts",
        "Storage power draw",
        "W",
        "Power draw of each cluster's storage.",
        "the power draw of each cluster's storage in watts"
      ),
    ],
  }),
  section({
    key: "housing",
    title: "Housing",
    help: "Room, power and cooling, and installing devices.",
    fields: [
      money(
        "electricityPerKWh",
        "Electricity tariff",
        "currency per kWh",
        "What one kWh costs.",
        "the electricity price per kWh"
      ),
      {
        key: "pue",
        kind: "decimal",
        label: "PUE",
        unit: "ratio",
        help: "Power usage effectiveness: facility power ÷ IT power (1.0 or more).",
        prompt: "the PUE (facility power ÷ IT power)",
        min: 1,
        max: 5,
      },
      money(
        "rackUnitCostPerYear",
        "Rack space per U per year",
        "currency",
        "Cost of one rack unit for a year.",
        "the yearly cost of one rack unit"
      ),
      money(
        "setupCostPerDevice",
        "Setup per device",
        "currency",
        "Racking, cabling and installing one device.",
        "the setup cost per device"
      ),
    ],
  }),
  section({
    key: "manpower",
    title: "Manpower",
    help: "Administration effort and its cost.",
    fields: [
      money(
        "adminHourlyRate",
        "Admin hourly rate",
        "currency per hour",
        "Loaded cost of one administrator hour.",
        "the loaded cost of one admin hour"
      ),
      nonNegative(
        "hoursPerPhysicalServerPerYear",
        "Hours per physical server",
        "h per year",
        "Admin hours one physical server needs a year.",
        "the admin hours per physical server per year"
      ),
      nonNegative(
        "hoursPerHostPerYear",
        "Hours per host",
        "h per year",
        "Admin hours one virtualization host needs a year.",
        "the admin hours per host per year"
      ),
      nonNegative(
        "hoursPerVmPerYear",
        "Hours per VM",
        "h per year",
        "Admin hours one VM needs a year.",
        "the admin hours per VM per year"
      ),
      nonNegative(
        "migrationHoursPerServer",
        "Migration hours per server",
        "h",
        "One-time P2V conversion effort per server.",
        "the one-time migration hours per server"
      ),
    ],
  }),
];
