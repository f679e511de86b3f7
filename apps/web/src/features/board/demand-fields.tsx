import { type TDemandType, ZDemandType } from "@tideway/contracts";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";

export const DEMAND_TYPES = ZDemandType.options;
export const DEMAND_SIZES = ["XS", "S", "M", "L", "XL"] as const;

/** What each demand type is called on screen (the value sent stays the type). */
export const DEMAND_TYPE_NAMES: Record<TDemandType, MessageId> = {
  feature: "demandType.feature",
  defect: "demandType.defect",
  chore: "demandType.chore",
  spike: "demandType.spike",
};

/** Size: T-shirt sizes offered, points (a number up to 999) accepted, as the contract says. */
export function SizeInput({ defaultValue }: { defaultValue?: string | null }) {
  const t = useT();
  return (
    <label>
      {t("demand.size")}
      <input
        name="size"
        list="demand-sizes"
        defaultValue={defaultValue ?? ""}
        pattern="XS|S|M|L|XL|[0-9]{1,3}"
        title={t("demand.sizeTitle")}
        size={4}
      />
      <datalist id="demand-sizes">
        {DEMAND_SIZES.map((size) => (
          <option key={size} value={size} />
        ))}
      </datalist>
    </label>
  );
}

export function TypeSelect({
  defaultValue,
  onChange,
}: {
  defaultValue?: TDemandType;
  onChange?: (type: TDemandType) => void;
}) {
  const t = useT();
  return (
    <label>
      {t("demand.type")}
      <select
        name="type"
        defaultValue={defaultValue ?? "feature"}
        onChange={(event) => {
          const parsed = ZDemandType.safeParse(event.currentTarget.value);
          if (parsed.success) onChange?.(parsed.data);
        }}
      >
        {DEMAND_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(DEMAND_TYPE_NAMES[type])}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "" (no size) becomes null; anything else is sent as typed and checked by the server. */
export function sizeFrom(form: FormData): string | null {
  const size = String(form.get("size") ?? "")
    .trim()
    .toUpperCase();
  return size === "" ? null : size;
}
