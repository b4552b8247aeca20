//! The sequence-classification models behind NLI, one variant per architecture, in the way
//! rust-bert's pipelines wrap their models in an option enum. Callers hand in a padded
//! `Batch` and get logits; which layers run is decided by the model's `config.json`.

use rust_bert::bert::{BertConfig, BertForSequenceClassification};
use tch::{nn, Kind, Tensor};

use crate::encoder::{Architecture, Batch, ModelConfig, ModelError};
use crate::labels::NliLabel;
use crate::mpnet::{MpnetConfig, MpnetForSequenceClassification};

pub enum SequenceClassifier {
    Bert(BertForSequenceClassification),
    Mpnet(MpnetForSequenceClassification),
}

impl SequenceClassifier {
    /// Builds the model's variables in `vs` (weights are loaded afterwards).
    pub fn new(vs: &nn::VarStore, config: &ModelConfig) -> Result<Self, ModelError> {
        match config.architecture {
            Architecture::Bert => {
                let bert: BertConfig = config.typed()?;
                BertForSequenceClassification::new(vs.root(), &bert)
                    .map(SequenceClassifier::Bert)
                    .map_err(|e| ModelError::Model(e.to_string()))
            }
            Architecture::Mpnet => {
                let mpnet: MpnetConfig = config.typed()?;
                if mpnet.hidden_act.as_deref().is_some_and(|act| act != "gelu") {
                    return Err(ModelError::Config {
                        path: config.path.clone(),
                        message: format!(
                            "hidden_act {:?}: contra's MPNet runs gelu",
                            mpnet.hidden_act
                        ),
                    });
                }
                Ok(SequenceClassifier::Mpnet(
                    MpnetForSequenceClassification::new(
                        vs.root(),
                        &mpnet,
                        NliLabel::ALL.len() as i64,
                    ),
                ))
            }
        }
    }

    /// Logits in fp32, (batch, labels); `train` turns dropout on.
    pub fn forward_t(&self, input: &Batch, train: bool) -> Tensor {
        let logits = match self {
            SequenceClassifier::Bert(model) => {
                model
                    .forward_t(
                        Some(&input.ids),
                        Some(&input.mask),
                        Some(&input.types),
                        None,
                        None,
                        train,
                    )
                    .logits
            }
            SequenceClassifier::Mpnet(model) => model.forward_t(&input.ids, &input.mask, train),
        };
        logits.to_kind(Kind::Float)
    }
}
