"""Every English string the bot and the CLI show, by message code. Values fill the {braces}."""

MESSAGES: dict[str, str] = {
    # errors: the grammar
    "error_prefix": "Sorry, I can't read that.",
    "try": "Try: {example}",
    "did_you_mean": "Did you mean `{suggestion}`?",
    "one_of": "It takes one of {choices}.",
    "missing_command": "`{word}` needs a command in front of it.",
    "unknown_command": "I don't know the command `{word}`.",
    "unknown_key": "`{word}`: there is no option `{key}` here.",
    "duplicate_key": "`{word}`: `{key}` is given twice.",
    "tokens_twice": "`{word}` and `{option}` both give the token count: keep one.",
    "missing_params": "`{command}` needs the model size (like `175B`) or a model name (see `models`).",
    "bad_params": "`{word}` is neither a parameter count (like `175B`, `1.8T`, `1750亿`, `8x222B`) nor a model name.",
    "bad_tokens": "`{word}` is not a token count (like `500B`, `13T`, `5000亿`).",
    "unexpected_word": "`{word}` is not expected here: options are written `key=value`.",
    "unknown_gpu": "`{word}`: no such GPU in the catalog (see `gpus`).",
    "bad_value": "`{word}` is not a valid {key}: write it like `{expected}`.",
    "out_of_range": "`{word}` is out of range.",
    "out_of_range_gt": "`{word}` is out of range: it must be more than {limit}.",
    "out_of_range_ge": "`{word}` is out of range: it must be at least {limit}.",
    "out_of_range_lt": "`{word}` is out of range: it must be less than {limit}.",
    "out_of_range_le": "`{word}` is out of range: it must be at most {limit}.",
    "active_exceeds_params": "`{word}`: active parameters cannot exceed the model's total.",
    # free text, read back
    "read_as": "Read as `{command}`",
    "read_ignored": "Ignored: {words}",
    "word_separator": ", ",
    "read_typo": "`{word}` read as `{meant}`.",
    "read_unknown_model": "`{word}` is not a model preset: read as its size, {params}.",
    "read_days_with_gpus": (
        "{days} days and {gpus} GPUs both size the cluster: read as {gpus} GPUs, whose wall-clock line says how long "
        "it takes; `days={days}` without `gpus=` gives the GPUs that finish in {days} days."
    ),
    "read_nearest_model": "`{word}` read as the preset `{preset}`.",
    "read_model_choice": "`{word}` could be more than one model: read as `{chosen}`; for the other: `{command}`",
    "read_job_default": "No job named: read as training; to serve it instead: `{command}`",
    "read_job_run": "`run` read as serving; to train it instead: `{command}`",
    "read_epochs": "{epochs} epochs over {tokens} tokens read as {total} tokens.",
    "read_second_model": "`{word}` is a second model: one is answered at a time (comparisons are across GPUs); for it: `{command}`",
    "read_precision": "`{word}` read as `{precision}`, the nearest precision the catalog has.",
    "read_missing_params": "Missing: a model size or name (like `70B` or `llama3.1-70b`).",
    "read_missing_tokens": "Missing: a number of tokens to fine-tune on (like `100M`).",
    "read_missing_second_gpu": "Missing: a second GPU to compare with.",
    # errors: the engine
    "no_price": "There is no public price for {gpu} in the catalog: add `price=` in USD per GPU-hour.",
    "precision_unsupported": "{gpu} has no {precision} peak (it has {available}): choose `precision=` or set `flops=`.",
    "unknown_model": "`{model}` is not a model preset (see `models`).",
    "tokens_mismatch": "`tokens={tokens}` is not `input={input}` plus `output={output}`.",
    "input_exceeds_tokens": "`input={input}` leaves no room for output in `tokens={tokens}`.",
    "output_exceeds_tokens": "`output={output}` is more than `tokens={tokens}`.",
    "no_bandwidth": "The catalog has no memory bandwidth for {gpu}, which serving needs: choose another `gpu=`.",
    "internal_error": "Sorry, something went wrong on our side. The error was logged; please try again.",
    # titles
    "train_title": "Training {subject} on {tokens} tokens",
    "infer_title": "Serving {subject}",
    "subject_params": "a {params}-parameter model",
    "subject_moe": "a {params}-parameter model ({active} active)",
    # headlines
    "train_headline": (
        "≈ {cost} at {mfu} MFU ({mfu_kind}; {low}–{high} at the published {mfu_low}–{mfu_high}%) · "
        "{peak} at 100% of peak (the seed document's assumption)"
    ),
    "train_headline_seed": "≈ {cost} at 100% of peak (formula=seed: the seed document's arithmetic)",
    "mfu_typical": "typical",
    "mfu_yours": "yours",
    "mfu_team": "team default",
    "infer_headline": "{input} in / {output} out per 1M tokens on {cards}×{gpu}, {tpot} per token, {ttft} to first token",
    "infer_headline_seed": (
        "≈ {per_1k} per 1K tokens by the seed document's formula (formula=seed) · the standard formula gives {standard}"
    ),
    "bound_compute": "compute",
    "bound_memory": "memory",
    # fields
    "field_flops": "FLOPs",
    "flops_value": "{flops} ({per_param_token} × {active} × {tokens})",
    "field_gpu_hours": "GPU-hours",
    "gpu_hours_value": "{hours} at {mfu} MFU · {peak} at peak",
    "field_wall_clock": "Wall-clock",
    "wall_clock_value_one": "{time} on {gpus} GPU ({peak} at peak)",
    "wall_clock_value_other": "{time} on {gpus} GPUs ({peak} at peak)",
    "wall_clock_missing": "add `gpus=N` or `days=N` to see it",
    "field_cost": "Cost",
    "cost_value": "{cost} at {mfu} MFU · {peak} at peak",
    "field_memory": "Training state",
    "memory_value": "{size} ({what}) · at least {gpus} × {gpu} to hold it",
    "memory_value_unknown": "{size} ({what})",
    "memory_what_full": "{base_bytes} bytes per parameter, mixed-precision Adam",
    "field_energy": "Energy",
    "energy_value": "{mwh} MWh ({watts} W per GPU × PUE {pue})",
    "field_reported": "Reported run",
    "reported_value": "{hours} {gpu} GPU-hours ({source}) · implied MFU {mfu}",
    "field_cost_per_1k": "Cost per 1K tokens",
    "field_floor": "Compute floor",
    "floor_value": "{floor} per 1K tokens (2 × {active} FLOPs per token) · reached at batch ≥ {crossover}",
    "floor_value_never": "{floor} per 1K tokens (2 × {active} FLOPs per token) · never reached: the KV cache read "
    "grows with the batch as fast as compute",
    "field_price_1m": "Price per 1M tokens",
    "price_1m_value": "{input} input · {output} output · {blended} blended for this request shape · {per_request} per request",
    "field_cheapest": "Cheapest on this hardware",
    "cheapest_value": "{input} in / {output} out per 1M at batch {batch}, the largest that fits ({tpot} per token)",
    "field_latency": "Latency",
    "latency_value": (
        "{ttft} to first token · {tpot} per output token ({per_user} tokens/s per user) · {latency} per request "
        "({input} in, {output} out)"
    ),
    "field_throughput": "Throughput",
    "throughput_value": (
        "{tps} output tokens/s for the batch of {batch} ({per_gpu} per GPU) · {total} tokens/s in and out · "
        "prefill {prefill} of GPU time · decode {bound}-bound"
    ),
    "field_memory_serving": "Memory per card",
    "memory_serving_value": (
        "{weights} GB weights + {kv} GB KV cache + {reserve} GB runtime reserve of {capacity} GB on {cards} × {gpu} · "
        "{max_batch} sequences of {context} tokens fit · this batch needs at least {min_cards}"
    ),
    "field_deployment": "Deployment",
    "cards_count_one": "{count} card",
    "cards_count_other": "{count} cards",
    "replicas_count_one": "{count} replica",
    "replicas_count_other": "{count} replicas",
    "deployment_value": (
        "{rps} requests/s: {replicas} × {cards} = {gpus} × {gpu}, batch {batch} each · {monthly} per month"
    ),
    "a_request": "Request",
    "a_request_given": "{input} tokens in, {output} out",
    "a_request_chat_default": "{input} in, {output} out: our chat assumption (the prompt resends the conversation)",
    "a_request_seed": "{output} generated tokens, the seed's T",
    "a_batch": "Batch",
    "a_batch_given": "{batch}, yours (at most {max_batch} fit)",
    "a_batch_max": "{batch}, the most that fit: a loaded server keeps its KV cache full",
    "a_batch_reduced": "{batch}, the most that fit (you asked for more)",
    "a_batch_load": "{batch}, what the request rate keeps in flight (at most {max_batch} fit)",
    "a_batch_seed": "{batch}",
    "a_parallel": "Cards",
    "a_parallel_tensor": "{cards} in tensor parallel{links}",
    "a_parallel_pipeline": "{cards}: {pp} pipeline stages of {tp} in tensor parallel{links}",
    "a_parallel_expert": (
        "{cards}: attention data parallel (each card serves its own sequences), the routed experts spread over the "
        "cards, as DeepSeek-style MLA models are served{links}"
    ),
    "a_links": " · all-reduces and expert dispatch over {link} GB/s GPU-to-GPU links: {share} of a decode step",
    "a_links_unknown": " · GPU-to-GPU links not in the catalog: their time is not counted",
    "a_shape": "Model shape",
    "a_shape_preset": (
        "{reference}'s config: {layers} layers, {kv_heads} KV heads × {head_dim}, {attention} · "
        "KV cache {kv_bytes} bytes per token in {kv}"
    ),
    "a_shape_typical": (
        "typical for the size, from {reference}: {layers} layers, {kv_heads} KV heads × {head_dim}, {attention} · "
        "KV cache {kv_bytes} bytes per token in {kv} (set `layers=` `kv_heads=` `head_dim=`)"
    ),
    "note_typical_shape": "No preset named: the KV cache is sized from a typical shape for this size ({reference}).",
    "note_chat_default": (
        "No request shape given: {input} tokens in, {output} out per request, our assumption for chat. "
        "Set `input=` and `output=`."
    ),
    "note_batch_does_not_fit": (
        "Batch {batch} does not fit beside the weights: estimated at {max_batch}, the most that fit. "
        "Add `cards=` for more."
    ),
    "pp_does_not_divide_cards": "`cards={cards}` is not a whole number of `pp={pp}` pipeline stages: give `cards=` as stages × tensor-parallel degree, e.g. `cards=8 pp=2`.",
    "kv_precision_unsupported": "The KV cache cannot be stored in {precision}: choose one of {available}.",
    "unit_ms": "ms",
    # assumptions
    "assumptions": "Assumptions",
    "a_gpu": "GPU",
    "a_gpu_value": "{name}, {precision}, {peak} TFLOPS dense peak — {source}",
    "a_gpu_value_override": "{name}, {precision}, {peak} TFLOPS peak (yours)",
    "a_gpu_sparse_halved": "; NVIDIA prints sparse figures, these are dense (sparse/2)",
    "a_mfu": "MFU",
    "a_mfu_typical": "{mfu}, typical of published runs ({low}–{high}%)",
    "a_mfu_typical_infer": (
        "{mfu} in compute-bound steps (prefill, large batches), fitted on published serving results "
        "({tp} kept with layers split {cards}-way)"
    ),
    "a_mfu_yours": "{mfu}, yours",
    "a_mfu_team": "{mfu}, {label}",
    "a_mfu_seed": "100% (peak), the seed document's assumption",
    "a_mbu": "MBU",
    "a_mbu_value": (
        "{mbu} of {bandwidth} TB/s HBM bandwidth ({tp} kept with layers split {cards}-way) · {bytes} bytes per weight"
    ),
    "a_price": "Price",
    "a_price_label": "${price} per GPU-hour, {label}",
    "a_price_stale": "⚠ possibly stale",
    "a_price_flags": "· ⚠ {flags}",
    "a_discount": "Discount",
    "a_discount_none": "none",
    "a_discount_value": "{discount} off (pay {paid})",
    "a_currency": "Currency",
    "a_currency_usd": "USD",
    "a_currency_cny": "CNY at {rate} per USD",
    "a_tokens": "Tokens",
    "a_tokens_given": "{tokens}",
    "a_tokens_preset": "{tokens}, from the {model} preset",
    "a_tokens_chinchilla": "{tokens}, {per_param} per parameter (Chinchilla-optimal; none given)",
    "a_opt": "Optimization",
    "a_opt_value": "{opt} off the cost",
    "your_price": "your price",
    "notes": "Notes",
    "reproduce": "Reproduce",
    # notes
    "note_price_stale": (
        "The catalog price dates from {as_of}, over {stale_after_days} days ago: possibly stale. Set yours with `price=`."
    ),
    "note_price_undated": "The catalog price is undated, so possibly stale. Set yours with `price=`.",
    "note_gpu_flags": "About {gpu}: {flags}.",
    "note_tokens_chinchilla": "No token count given: {per_param} tokens per parameter (Chinchilla-optimal).",
    "note_moe_active": "Mixture of experts: compute counts the {active} active parameters of {total}.",
    "note_recompute_full": "Full activation recompute: 8·N·D FLOPs instead of 6·N·D.",
    "note_seed_train": "formula=seed: the seed document's arithmetic, at peak (MFU 100%) on total parameters.",
    "note_weights_do_not_fit_one": "The weights ({weights_gb} GB) do not fit on {cards} card: at least {min_cards} are needed.",
    "note_weights_do_not_fit_other": (
        "The weights ({weights_gb} GB) do not fit on {cards} cards: at least {min_cards} are needed."
    ),
    "note_seed_infer": (
        "formula=seed: the seed divides by the hourly price instead of multiplying by it, drops its own ×2, and lets "
        "batch and cards divide the cost. The standard formula gives {standard} per 1K tokens."
    ),
    "note_memory_bound": (
        "Decode is memory-bound at this batch: a larger batch lowers the cost, down to {floor} per 1K tokens."
    ),
    "note_cards_cut_latency": "More cards cut latency, not cost: k cards cost k times as much per second.",
    # units
    "unit_s": "s",
    "unit_min": "min",
    "unit_h": "h",
    "unit_days": "days",
    "unit_years": "years",
    # listings
    "gpus_title": "GPU catalog: dense peaks and default prices",
    "gpu_line": "{id}: {name} · {peak} TFLOPS {precision} · {memory} GB · {bandwidth} TB/s · {power} W · {price}",
    "gpu_no_price": "no public price: give `price=`",
    "price_undated": "undated",
    "gpus_footer": "Peaks are dense (NVIDIA prints sparse, twice as high). Use `gpu=<id>`; `A100` means the 80GB SXM.",
    "models_title": "Model presets",
    "model_line": "{name}: {title} · {params} params{active} · {tokens} tokens — {source}",
    "model_active": " ({active} active)",
    "model_tokens_unknown": "undisclosed",
    "help_title": "llmcost: what it costs to train or serve a language model",
    "help_natural": "Ask in your own words",
    "help_natural_lines": (
        "how much to train llama 3 70b on 2T tokens with H100s?\n"
        "is H100 cheaper than A100 for 70B on 2T tokens?\n"
        "serve mixtral on 8xH100 at $2.5/hr\n"
        "what do 64 H100s cost for 3 weeks?\n"
        "训练一个700亿参数模型 2万亿token 要多少钱\n"
        "Every answer starts with the command it was read as: copy it to change any part."
    ),
    "help_usage": "Usage",
    "help_lines": (
        "`train <params|model> [tokens] [key=value ...]`: training cost\n"
        "`infer <params|model> [key=value ...]`: serving cost per 1M input and output tokens, latency, memory\n"
        "`finetune <params|model> <tokens> [method=full|lora|qlora]`: fine-tuning cost, memory and fewest GPUs\n"
        "`compare <train|infer ...> [gpu=A100,H100,...]`: one job across GPUs, as a chart\n"
        "`sweep infer <params|model> [key=value ...]`: cost and speed per user across batch sizes\n"
        "`gpus`: the GPU catalog with prices and sources · `models`: model presets\n"
        "`rent <gpu> gpus=N days=N`: what renting the GPUs costs, no model · `prices [gpu]`: every offer per basis, "
        "dated and sourced · `api [model]`: API prices per 1M tokens\n"
        "`help train` · `help infer` · `help keys` · `help prices`"
    ),
    "help_in_slack": "In Slack only",
    "help_in_slack_lines": (
        "`/llmcost set <key> <value>` · `/llmcost settings` · `/llmcost reset [key]`: your workspace's defaults "
        "(price, gpu, currency, rate, mfu)"
    ),
    # the command line (argparse prints its own "usage:" and "options:")
    "cli_description": "What it costs to train or serve a large language model: the same answer as /llmcost in Slack.",
    "cli_words": "the command and its words, as in Slack (see below)",
    "cli_help": "show this help and exit",
    "cli_version": "show the version and exit",
    "cli_json": 'the answer as JSON (README lists the keys); bad input as {{"error": "..."}}, also on stdout',
    "cli_lang": "the reply's language (`lang=zh` among the words does the same)",
    "cli_epilog": (
        "commands:\n"
        "  train <params|model> [tokens] [key=value ...]   training cost\n"
        "  finetune <params|model> <tokens> [method=...]   fine-tuning: full, LoRA or QLoRA\n"
        "  infer <params|model> [key=value ...]            serving: $ per 1M input and output tokens, latency\n"
        "  sweep infer <params|model> [key=value ...]      serving across batch sizes: cost vs speed per user\n"
        "  compare <train|infer ...> [gpu=A100,H100,...]   one job across GPUs\n"
        "  gpus                                            the GPU catalog with prices and sources\n"
        "  models                                          model presets\n"
        "  rent <gpu> [gpus=N] [days=N|hours=N]            renting GPUs, no model: GPUs × hours × the price\n"
        "  prices [gpu]                                    every GPU offer per basis, dated and sourced\n"
        "  api [model]                                     API prices per 1M input and output tokens\n"
        "  help [train|infer|keys|prices]                  formulas, keys and how numbers are written\n"
        "\n"
        "in Slack only (a workspace's defaults, kept per workspace):\n"
        "  /llmcost set <key> <value> · /llmcost settings · /llmcost reset [key]\n"
        "\n"
        "examples:\n"
        "  llmcost train 175B 500B mfu=40%\n"
        "  llmcost --json train 70B\n"
        "  llmcost --lang zh infer 70B batch=32 gpu=H100\n"
        "  llmcost compare train 70B 1.4T gpu=A100,H100,B200\n"
        "\n"
        "exit codes:\n"
        "  0  an answer\n"
        "  2  bad input: one line naming the bad word, with a command that works\n"
        "  1  an internal error (a bug of ours), or LLMCOST_PRICES names a file that does not read"
    ),
    "help_examples": "Examples",
    "help_example_lines": (
        "`train 175B 500B` · `train gpt3 discount=5折 currency=CNY` · `train llama3.1-405b gpu=H100 gpus=16384`\n"
        "`infer llama3.3-70b gpu=H100 precision=fp8 rps=50` · `sweep infer 70B gpu=H100` · "
        "`infer 8.222e11 flops=100T price=3.93 formula=seed`\n"
        "`rent H100 gpus=64 days=21` · `rent gpu=H100,B200 gpus=8 days=30`"
    ),
    "help_train": (
        "FLOPs = 6 × active params × tokens (8 with `recompute=full`); GPU-hours = FLOPs / (peak × MFU × goodput); "
        "cost = GPU-hours × price × (1 − discount). MFU defaults to the GPU generation's published median.\n"
        "`days=30`: the GPUs that finish in 30 days · `budget=1M`: the compute-optimal model a budget buys.\n"
        "Keys: `gpu= price= flops= precision= mfu= goodput= gpus= days= budget= active= discount= currency= rate= "
        "recompute= formula= pue= basis= capex= years= util= kwh= ops=`"
    ),
    "help_infer": (
        "Prefill is compute-bound (2·N FLOPs per input token); a decode step reads the weights and every sequence's "
        "KV cache, or computes, whichever is slower. Weights + KV cache + a reserve must fit: `batch=max` (the "
        "default) is the most that fit. Input tokens cost their prefill time, output tokens their decode time.\n"
        "Keys: `input= output= tokens= context= batch= cards= pp= rps= kv= layers= kv_heads= head_dim= opt= mbu= gpu= "
        "price= flops= precision= mfu= discount= currency= rate= formula= basis= capex= years= util= kwh= pue= ops=`"
    ),
    "help_keys": (
        "Numbers: `175B` `1.8T` `7e9` `70_000_000_000` `1,000` `1750亿` `5万` `8x222B` (8 experts × 222B).\n"
        "Shares: `mfu=40%` or `mfu=0.4`; `discount=50%` or `discount=5折` (pay 50%).\n"
        "Money: `price=` is USD per GPU-hour, or yuan as `price=¥15` (converted at `rate=`, answered in yuan); "
        "`currency=CNY` converts at `rate=` (default {rate}).\n"
        "Basis: `basis=on-demand` (default; the A100 keeps the seed's figure), `commit` (1 year), `commit-3y`, `spot`, "
        "`seed`; `basis=own` buys the GPUs: `capex=` USD per GPU, `years=`, `util=` (fleet use), `kwh=` USD, `pue=`, "
        "`ops=` (operations' share)."
    ),
    # the Slack app
    "share_button": "Share in channel",
    "shared_by": "Shared by {user}",
    "config_missing": "missing required setting {name}",
    "config_invalid": "invalid setting {name}",
    "database_unavailable": "cannot bring the database {url} up to date: {cause}",
    "config_oauth_socket_mode": (
        "SLACK_APP_TOKEN (Socket Mode, one workspace) cannot be combined with SLACK_CLIENT_ID and "
        "SLACK_CLIENT_SECRET (installs in many workspaces, over HTTP): unset one or the other"
    ),
    # sweep
    "sweep_title": "{job} on {cards}×{gpu} across batch sizes ({input} in, {output} out)",
    "sweep_headline": (
        "Sweet spot: batch {batch}, {cost} per 1M tokens at {speed} tokens/s per user · cheapest {cheapest} at batch "
        "{cheapest_batch} ({cheapest_speed} tokens/s per user)"
    ),
    "sweep_batch": "batch {batch}",
    "sweep_chart_cost": "Cost per 1M tokens (blended for the request shape)",
    "sweep_chart_speed": "Output tokens/s per user",
    "sweep_rows": "Per batch",
    "sweep_row": "{input} in / {output} out per 1M · {speed} tokens/s per user · {ttft} to first token · {per_gpu} tokens/s per GPU",
    "sweep_note_sweet_spot": "★ the sweet spot: the smallest batch whose cost is within {margin} of the cheapest.",
    "sweep_does_not_fit": "Not even one sequence fits beside the weights on {cards} card(s): at least {min_cards} are needed.",
    # compare
    "compare_missing_job": "`compare` needs `train` or `infer` first, then the job's words, as for one estimate.",
    "compare_one_gpu": "`{word}` names one GPU: a comparison needs two or more (or no `gpu=`, for a spread of {count}).",
    "compare_title_one": "{job}, on {count} GPU",
    "compare_title_other": "{job}, across {count} GPUs",
    "compare_headline": "Cheapest: {cheapest} at {cost} · fastest: {fastest}, {time}",
    "compare_headline_both": "{gpu} is both the cheapest ({cost}) and the fastest ({time})",
    "compare_per_1k": "{cost} per 1K tokens",
    "compare_gpu_hours": "{hours} GPU-h",
    "compare_chart_cost": "Cost at {mfu} MFU",
    "compare_chart_gpu_hours": "GPU-hours at {mfu} MFU (fewer is faster on as many GPUs)",
    "compare_chart_wall_clock_one": "Wall-clock on {gpus} GPU at {mfu} MFU",
    "compare_chart_wall_clock_other": "Wall-clock on {gpus} GPUs at {mfu} MFU",
    "compare_chart_latency": "Latency per request ({input} in, {output} out)",
    "compare_rows": "Per GPU",
    "compare_row_train": "{cost} · {time} · {peak} TFLOPS {precision} · {price}",
    "compare_row_infer_one": "{cost} per 1K tokens · {time} per request · {cards} card, {bound}-bound · {price}",
    "compare_row_infer_other": "{cost} per 1K tokens · {time} per request · {cards} cards, {bound}-bound · {price}",
    "compare_does_not_fit": "⚠ the weights need at least {min_cards} cards",
    "compare_skipped": "skipped: {reason}",
    "note_compare_one_price": "Your price, ${price} per GPU-hour, applies to every GPU: only their speed differs.",
    "note_compare_one_peak": "Your `flops=` is one peak for every GPU: only prices and memory bandwidth differ.",
    # team defaults (set, settings, reset)
    "team_price_label": "team price, set by {user} on {date}",
    "team_mfu_label": "team default, set by {user} on {date}",
    "missing_setting": "`{command}` needs a setting: gpu, price, currency, rate or mfu.",
    "unknown_setting": "`{word}` is not a team setting: choose gpu, price, currency, rate or mfu.",
    "missing_setting_value": "`{command}` is missing its value.",
    "team_commands_need_a_workspace": "`{command}` keeps a Slack workspace's defaults: use it as `/llmcost {command}`.",
    "not_admin": (
        "Only workspace admins and owners, and the people the app's LLMCOST_ADMINS names{named}, can change team "
        "defaults. Anyone can see them with `settings`."
    ),
    "settings_title": "Team defaults for this workspace",
    "settings_none": "None yet: estimates use the catalog's GPU, prices and typical MFU.",
    "settings_footer": "Admins change them with `set gpu H100`, `set price H100 1.85`, `set currency CNY`, `set rate 7.2`, `set mfu 40%`; `reset [key]` removes them. A value typed in a command always wins.",
    "setting_line": "{name}: {value} · set by {user} on {date}",
    "setting_name_gpu": "GPU",
    "setting_name_price": "price on {gpu}",
    "setting_name_currency": "currency",
    "setting_name_rate": "exchange rate",
    "setting_name_mfu": "MFU",
    "setting_value_price": "${price} per GPU-hour",
    "setting_value_rate": "{rate} CNY per USD",
    "setting_saved": "Saved for this workspace: {name} = {value}. Estimates here use it unless a command types its own.",
    "setting_removed": "Removed the team's {name}: estimates use the default again.",
    "setting_was_not_set": "This workspace has no {name} set: nothing to remove.",
    "settings_removed_all_one": "Removed the {count} team default: estimates use the catalog's again.",
    "settings_removed_all_other": "Removed all {count} team defaults: estimates use the catalog's again.",
    # team defaults while the database is unavailable
    "team_defaults_unavailable": (
        "The team's defaults could not be read this time (the database did not answer), so this estimate uses the "
        "catalog's defaults instead (GPU, price, MFU, currency) and what the command typed."
    ),
    "settings_unavailable": (
        "The team's defaults cannot be shown right now: the database did not answer. Estimates still work, at the "
        "catalog's defaults; try again in a minute."
    ),
    "set_unavailable": (
        "Nothing was saved: the database did not answer, so team defaults cannot be changed right now. "
        "Send it again in a minute."
    ),
    "reset_unavailable": (
        "Nothing was removed: the database did not answer, so team defaults cannot be changed right now. "
        "Send it again in a minute."
    ),
    # the Slack app: the menus under an estimate, the form (bare /llmcost), the Home tab
    "control_gpu": "Another GPU",
    "control_gpu_option": "{gpu} · ${price}/h",
    "control_gpu_no_price": "{gpu} · no public price",
    "control_mfu": "Another MFU",
    "control_mfu_option": "MFU {mfu}",
    "modal_title": "llmcost estimate",
    "modal_submit": "Estimate",
    "modal_close": "Cancel",
    "modal_intro": (
        "What would it cost? Give the model (renting GPUs needs none); every other field has a default, stated in "
        "the answer."
    ),
    "modal_kind": "Job",
    "modal_kind_train": "Train",
    "modal_kind_infer": "Serve (inference)",
    "modal_kind_rent": "Rent GPUs (no model)",
    "modal_params": "Parameters or model",
    "modal_params_hint": "175B, 1.8T, 8x222B, 1750亿, or a preset such as gpt3 or llama3.1-405b. Not for renting.",
    "modal_tokens": "Tokens",
    "modal_tokens_hint": "Training: tokens to train on (default {per_param} per parameter). Serving: tokens generated per request (default: {input} in, {output} out).",
    "modal_gpu": "GPU",
    "modal_gpu_hint": "Default: your team's GPU, else the A100 80GB.",
    "modal_price": "Price, USD per GPU-hour",
    "modal_price_hint": "Default: the catalog's price for that GPU.",
    "modal_mfu": "MFU",
    "modal_mfu_hint": "The share of peak FLOPS reached: 40% or 0.4. Default: training, the GPU generation's published median ({train_mfu} on the A100); serving, {infer_mfu}.",
    "modal_gpus": "Number of GPUs",
    "modal_gpus_hint": "Training: for the wall-clock time. Serving: cards per replica. Renting: GPUs rented (default 1).",
    "modal_days": "Days",
    "modal_days_hint": "Renting: how long (default: the cost per hour, day and month). Training: the GPUs that finish in that many days.",
    "home_title": "llmcost: what it costs to train or serve a language model",
    "home_intro": (
        "Type `/llmcost` for a form, or a command for an answer at once. Every estimate states its assumptions "
        "and sources; pick another GPU or MFU under it to see the difference."
    ),
    "home_catalog": "GPU catalog: dense peaks and default prices",
    "home_gpu_line": "*{id}* · {peak} TFLOPS {precision} · {memory} GB · {price}",
    "home_price": "${price}/h {basis}, {provider}, {as_of}{stale} (source: {source})",
    "home_stale": " ⚠ over a year old or undated",
    # training: published runs, goodput, time and budget (issue 14)
    "mfu_fitted": "{generation} median",
    "mfu_borrowed": "{borrowed}'s median, not validated on {generation}",
    "a_mfu_fitted": "{mfu}, median of {runs} published {generation} runs (productive time; {low}–{high} is their 5th–95th percentile)",
    "a_mfu_few": "{mfu}, median of {runs} published {generation} run(s): not validated ({low}–{high}: {borrowed}'s spread)",
    "a_mfu_borrowed": "{mfu}: no published {generation} run; not validated: uses {borrowed}'s ({low}–{high})",
    "a_mfu_basis": "MFU is against the 16-bit peak, FP8 runs included (DeepSeek-V3: 34.6% of BF16 = 17.3% of FP8)",
    "field_goodput": "Failures and restarts",
    "goodput_value_sized": (
        "goodput {goodput} on {gpus} GPUs (sized to the typical length of a published run this big; set `gpus=` or "
        "`days=`): +{hours} GPU-hours, +{cost}"
    ),
    "goodput_value_gpus": "goodput {goodput} on {gpus} GPUs: +{hours} GPU-hours, +{cost}",
    "goodput_value_given": "goodput {goodput} (yours): +{hours} GPU-hours, +{cost}",
    "goodput_value_seed": "none: the seed's formula assumes no failures",
    "a_goodput": "Goodput",
    "a_goodput_model": (
        "{goodput}: Llama 3's interruption rate (466 in 54 days on 16K H100) × GPUs × 11.6 min lost each, plus 3% for "
        "checkpoints and pauses; `goodput=100%` turns it off"
    ),
    "a_goodput_given": "{goodput}, yours",
    "field_gpus_needed": "GPUs for {days} days",
    "gpus_needed_value": "{gpus} ({nodes} nodes of 8): {time} wall-clock, failures included",
    "field_budget": "Budget",
    "budget_value": "{budget} buys {params} parameters on {tokens} tokens (Chinchilla, {per_param} per parameter): {hours} GPU-hours",
    "a_tokens_budget": "{tokens}, {per_param} per parameter: the compute-optimal run for the budget",
    "reported_ratio": "{reported} · this estimate is {ratio}× its GPU-hours",
    "similar_runs": "Runs like yours: {runs}",
    "similar_run": "{model} ({gpu}, {mfu} MFU{hours}; {source})",
    "similar_run_hours": ", {hours} GPU-h",
    "note_trained_on": "{model} is estimated on the {gpu} it was trained on; `gpu=` to choose another.",
    "note_mfu_fp8_basis": (
        "Published MFUs are against the BF16 peak (DeepSeek-V3's FP8 run: 34.6% of BF16, 17.3% of FP8): at this "
        "precision's peak, twice as high, the default {sixteen} is {mfu}, the same speed."
    ),
    "note_goodput_beyond_published": (
        "{gpus} GPUs is beyond the largest published run (16,384): the goodput there is extrapolated."
    ),
    "days_unreachable": "No cluster finishes in {days} days: more GPUs lose more time to failures than they add.",
    "a_mfu_basis_label": "MFU basis",
    "budget_and_params": "`{option}` sizes the model itself: drop `{word}` (and any token count).",
    "days_and_gpus": "`{word}` and `{option}` both set the cluster: give one.",
    "compare_mfu_each": "each generation's median",
    # fine-tuning and mixture-of-experts shorthand (issue 14)
    "finetune_title": "Fine-tuning {subject} on {tokens} tokens ({method})",
    "method_full": "full",
    "method_lora": "LoRA",
    "method_qlora": "QLoRA",
    "memory_what_lora": (
        "frozen weights in bf16, {base_bytes} bytes per parameter, and {adapters} rank-{rank} adapter parameters at {adapter_bytes} bytes; "
        "activations not counted"
    ),
    "memory_what_qlora": (
        "frozen weights in 4-bit NF4, {base_bits} bits per parameter, and {adapters} rank-{rank} adapter parameters at {adapter_bytes} bytes; "
        "activations not counted"
    ),
    "note_finetune_full": (
        "Full fine-tuning: 6·N·D FLOPs and {state_bytes} bytes per parameter of weights, gradients and Adam state, as in "
        "pre-training; activations not counted; pre-training's MFU assumed."
    ),
    "note_finetune_lora": (
        "LoRA: frozen weights form no gradients, so 4·N·D FLOPs (the forward pass and the activation gradients) plus "
        "6 per adapter parameter per token; rank-{rank} adapters on every linear layer of a typical shape this size; "
        "pre-training's MFU assumed."
    ),
    "note_finetune_qlora": (
        "QLoRA: LoRA on weights stored in 4-bit NF4 ({bits} bits with double quantization); dequantizing them each "
        "step makes it slower than LoRA, which is not counted."
    ),
    "finetune_needs_tokens": "Fine-tuning needs its token count, like `finetune llama2-7b 100M method=lora`.",
    "note_moe_unknown_active": (
        "`{shorthand}` counts all {total} parameters as active: the active share is unknown (give `active=`)."
    ),
    "note_moe_unknown_active_named": (
        "`{shorthand}` counts all {total} parameters as active: the active share is unknown (give `active=`). "
        "It matches the {title} preset (`{preset}`)."
    ),
    "note_moe_unknown_active_preset": (
        "`{shorthand}` counts all {total} parameters as active: the active share is unknown (give `active=`). "
        "It matches the {title} preset (`{preset}`): {active} active."
    ),
    "help_finetune": (
        "`finetune <params|model> <tokens>`: full fine-tuning is 6·N·D with {state_bytes} bytes per parameter of state; "
        "`method=lora` forms no gradients for the frozen weights (4·N·D) and holds bf16 weights plus rank-{rank} "
        "adapters; `method=qlora` holds the weights in 4-bit NF4. Memory gives the fewest GPUs that hold it.\n"
        "Keys: the training keys but `budget=`, and `method=full|lora|qlora`"
    ),
    # prices: bases, offers, owning, API prices, self-host or buy (calc.prices, calc.ownership, calc.api_prices)
    "a_price_median": "${price} per GPU-hour, {basis}: {provider}, {as_of}, the median of {count} providers' offers (`prices {gpu}` lists them) — {source}",
    "a_price_only_offer": "${price} per GPU-hour, {basis}: {provider}, {as_of}, the only provider's offer (`prices {gpu}` lists it) — {source}",
    "a_price_seed": "${price} per GPU-hour, {basis}: the seed document's figure, {as_of} (`basis=on-demand` for today's offers) — {source}",
    "a_price_own": "${price} per GPU-hour, owned: purchase ${capex} + power ${power} + operations ${ops}",
    "price_median_short": "${price}/h {basis}, {provider}, {as_of}",
    "price_seed_short": "${price}/h {basis}, the seed's figure",
    "price_own_short": "${price}/h owned (purchase ${capex} + power ${power} + operations ${ops})",
    "basis_on-demand": "on-demand",
    "basis_commit-1y": "1-year commitment",
    "basis_commit-3y": "3-year commitment",
    "basis_spot": "spot",
    "basis_seed": "the seed's figure",
    "basis_own": "owned",
    "a_own_capex": "Purchase",
    "a_own_capex_value": "{capex} per GPU ({origin}) over {years} years ({years_source}) at {util} of hours used → ${per_hour} per GPU-hour",
    "a_own_power": "Power",
    "a_own_power_value": "{watts} W × PUE {pue} × ${kwh}/kWh → ${per_hour} per GPU-hour (electricity: {kwh_source}; PUE: {pue_source})",
    "a_own_ops": "Operations",
    "a_own_ops_value": "{ops} of the total (staff, space, network, repairs) → ${per_hour} per GPU-hour",
    "a_own_ops_none": "not counted (staff, space, network, repairs): add `ops=`, a share of the total",
    "own_origin": "{what}, {as_of} — {source}",
    "own_yours": "yours",
    "own_no_capex": "There is no purchase price for {gpu} in the data: give `capex=` in USD per GPU.",
    "own_no_power": "The catalog has no board power for {gpu}, which owning needs for the electricity: choose another `gpu=`.",
    "unknown_basis": "There is no price basis `{basis}`: choose one of {known}.",
    "no_offer_on_basis": "{gpu} has no offer on `{basis}` (it has: {available}): choose another `basis=` or give `price=`.",
    "note_compare_basis": "Every GPU is priced on `basis={basis}`: each one's median offer on it (`prices <gpu>` lists the offers).",
    "gpu_price_basis": "${price}/h {basis}, {provider}, {as_of}",
    "prices_title": "GPU prices: offers per basis, dated and sourced",
    "prices_gpu_title": "{gpu}: {count} offers, $ per GPU-hour",
    "prices_gpu_line": "{gpu}: default {default} · {spreads}",
    "prices_spread_short": "{basis} ${low}–${high} (median ${median}, {counted})",
    "prices_none": "no offers: give `price=`",
    "prices_basis_heading": "{basis}: ${low} to ${high}, median ${median} — {counted} of {listed} offers counted",
    "prices_offer": "${price} {provider}{instance}{region}, {as_of}{stale}{marks} — {source}",
    "prices_instance": ", {instance}",
    "prices_default_mark": " ← the default",
    "prices_not_counted_mark": " (not counted: {reason})",
    "prices_reason_older": "a newer or cheaper offer from the same provider counts, or it is over {days} days older than the data",
    "prices_reason_seed": "the seed's figure, `basis=seed`",
    "prices_stale": " ⚠ over a year old or undated",
    "prices_rule": "The rule: on each basis, each provider's newest offer (its cheapest that day), those seen within {days} days of the data's newest date ({data_date}) when there are any, then their median (the cheaper middle one when even). Without `basis=` an estimate uses the seed's figure where the seed names one (the A100), else on-demand; `compare` prices every GPU on one basis. `basis=own` prices buying the GPUs.",
    "prices_override": "Offers from the operator's file are included.",
    "api_title": "API prices: $ per 1M tokens, input and output",
    "api_title_model": "{model}: {count} API prices, $ per 1M tokens",
    "api_model_line": "{model}{open}: {count} offers, from ${input} in · ${output} out",
    "api_open_weights": " (open weights)",
    "api_offer": "{provider}: ${input} in · ${output} out, {as_of}{stale} — {source}",
    "api_footer": "List prices, standard tier; an endpoint may serve quantized weights (see the source). `infer <model>` sets self-hosting beside them.",
    "unknown_api_model": "`{word}`: no API prices for that model. Priced: {models}.",
    "field_api": "Self-host or buy",
    "api_band": "APIs for {model}: {low}–{high} per 1M tokens in this mix (median {median}, {count} offers; cheapest {provider})",
    "api_hosted": "hosted here: {cost} per 1M at full load ({capacity} requests/s for {hourly}/h)",
    "api_break_even": "hosting is cheaper than the cheapest API above {rps} requests/s ({tokens} tokens a day), since {hourly}/h is paid whatever the load",
    "api_never": "hosting never beats the cheapest API here: even at full load it costs {cost} per 1M",
    "api_chart_heading": "$ per 1M tokens ({input} in, {output} out): hosted at a share of capacity vs the APIs",
    "api_chart_load": "hosted, {share} ({rps}/s)",
    "api_chart_cheapest": "API, cheapest",
    "api_chart_median": "API, median",
    "api_chart_highest": "API, dearest",
    "prices_file_invalid": "LLMCOST_PRICES={path}: {problem}",
    "api_break_even_median": "; it beats the median API above {rps} requests/s",
    "help_prices": "Every price stands on one basis: `basis=on-demand` `commit` (1 year) `commit-3y` `spot` `seed` `own`. The price on a basis is the median of the providers' newest offers on it (`prices <gpu>` shows them, dated and sourced); `compare` prices every GPU on one basis.\n`basis=own` buys the GPUs: `capex=` (USD per GPU) over `years=` at `util=`, plus power (`kwh=` × board power × `pue=`) and `ops=`, each part shown.\n`api <model>`: per-token API prices; `infer <model>` sets hosting beside them, with the load above which hosting is cheaper.\n`rent <gpu> gpus=N days=N` (or `hours=`, or `gpu_hours=`): renting the GPUs with no model, GPUs × hours × the price on its basis (on-demand unless `basis=`), with the providers' spread.",
    # rent: GPUs for a time, no model (calc.rental)
    "rent_title": "Renting {gpus} × {gpu} for {duration}: ≈ {cost}",
    "rent_title_hourly": "Renting {gpus} × {gpu}: {cost} per hour",
    "rent_days_one": "{days} day",
    "rent_days_other": "{days} days",
    "rent_hours": "{hours} h",
    "rent_sum": "{gpus} × {hours} h = {gpu_hours} GPU-hours × {price} per GPU-hour{discount} = {cost}",
    "rent_discount": " (after {discount} off)",
    "rent_rates_one": "{gpus} GPU: {hour} per hour · {day} per day · {month} per {days} days",
    "rent_rates_other": "All {gpus} together: {hour} per hour · {day} per day · {month} per {days} days",
    "rent_price": "Price: {price}",
    "rent_fx": "The offers are in USD, converted at {rate} {currency} per USD (`rate=` to change it)",
    "rent_spread": "The {count} providers counted on {basis} ask ${low} to ${high} per GPU-hour: {low_total} to {high_total} for this rental",
    "rent_spread_hourly": "The {count} providers counted on {basis} ask ${low} to ${high} per GPU-hour: {low_total} to {high_total} per hour for these GPUs",
    "rent_footer": "`prices {gpu}` lists every offer, dated and sourced · `basis=spot` or `basis=commit` prices the hours otherwise · `price=` at your own rate (`price=¥15` in yuan)",
    "days_and_hours": "`{word}` and `{option}` both give how much GPU time: keep one.",
    "rent_title_gpu_hours": "{gpu_hours} {gpu} GPU-hours: ≈ {cost}",
    "rent_sum_gpu_hours": "{gpu_hours} GPU-hours × {price} per GPU-hour{discount} = {cost}",
    "a_price_typed_in_usd": "${price} per GPU-hour, your price: `price=` is in USD (`price=¥{price}` for yuan)",
    "read_token_rate_chat": "`{words}` read as `rps={rps}`: requests of {tokens} tokens (1,000 in, 250 out: the chat default; give `input=` `output=`).",
    "read_token_rate_given": "`{words}` read as `rps={rps}`: requests of {tokens} tokens, as given.",
    "rent_compare_what_one": "{gpus} GPU for {duration}",
    "rent_compare_what_other": "{gpus} GPUs for {duration}",
    "rent_compare_what_gpu_hours": "{gpu_hours} GPU-hours",
    "rent_compare_what_hourly_one": "{gpus} GPU, per hour",
    "rent_compare_what_hourly_other": "{gpus} GPUs, per hour",
    "rent_compare_title": "Renting {what}: cheapest on {gpu}, ≈ {cost}",
    "rent_compare_line": "{gpu}: {cost} — {price}",
    "rent_compare_skipped": "{gpu}: not priced — {why}",
    "rent_compare_footer": "The hours' price only: a faster GPU gets more done in them. For a job's cost on each GPU ask with the job, e.g. `compare train 70B 2T gpu=H100,A100`.",
}
